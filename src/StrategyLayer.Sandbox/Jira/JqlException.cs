namespace StrategyLayer.Sandbox.Jira;

/// <summary>A JQL problem, worded as Jira words it; answered as 400 with errorMessages.</summary>
internal sealed class JqlException(string message) : Exception(message);
