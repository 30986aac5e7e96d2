namespace StrategyLayer.Sandbox;

/// <summary>Which side of the sandbox a control operation touches.</summary>
public enum SandboxSource
{
    /// <summary>Jira and ServiceNow items alike.</summary>
    Any,

    /// <summary>Jira issues only.</summary>
    Jira,

    /// <summary>ServiceNow incidents, changes and problems only.</summary>
    ServiceNow,
}
