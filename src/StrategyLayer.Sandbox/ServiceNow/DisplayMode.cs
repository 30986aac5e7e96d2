namespace StrategyLayer.Sandbox.ServiceNow;

/// <summary>sysparm_display_value: stored values, display values, or both.</summary>
internal enum DisplayMode
{
    Value,
    Display,
    All,
}
