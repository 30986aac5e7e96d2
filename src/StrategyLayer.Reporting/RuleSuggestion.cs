namespace StrategyLayer.Reporting;

/// <summary>
/// A rule the mapping stage suggests for a cluster of untracked items (input to the untracked
/// pack): the shared attribute and value, the rule text, the measure it might serve, how many
/// untracked items it would map, and a few of their ids.
/// </summary>
public sealed record RuleSuggestion(
    string Attribute,
    string Value,
    string RuleText,
    string? Measure,
    int Count,
    IReadOnlyList<string> SampleKeys);
