namespace StrategyLayer.Mapping.Rules;

/// <summary>One ordered rule: items matching <see cref="When"/> map to <see cref="MeasureId"/>.</summary>
public sealed record MappingRule(string Id, string When, string MeasureId, string? Description = null)
{
    /// <summary>Where the rule's query string starts in its file (for errors found later); null when built in code.</summary>
    public QueryLocation? Location { get; init; }
}

/// <summary>A query string's position in a file: the line and column of its first character.</summary>
public sealed record QueryLocation(string File, int Line, int Column, string Path);
