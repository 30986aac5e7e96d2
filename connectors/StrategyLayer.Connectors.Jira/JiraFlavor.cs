namespace StrategyLayer.Connectors.Jira;

/// <summary>Which Jira API the source speaks: Cloud (v3, token paging) or Data Center (v2, offset paging).</summary>
public enum JiraFlavor
{
    Cloud,
    DataCenter,
}
