namespace StrategyLayer.Mapping;

/// <summary>The filters of <c>items [--untracked] [--measure ID] [--team NAME] [--query "…"]</c>; all optional.</summary>
public sealed record ItemListQuery
{
    public bool UntrackedOnly { get; init; }
    public string? Measure { get; init; }
    public string? Team { get; init; }

    /// <summary>A filter in the rule language; relative dates are read at <see cref="AsOf"/>.</summary>
    public string? Query { get; init; }

    public DateTimeOffset AsOf { get; init; }

    /// <summary>Custom field names from config; null accepts any name.</summary>
    public IReadOnlyCollection<string>? CustomFields { get; init; }

    /// <summary>Removed items are listed only when asked for.</summary>
    public bool IncludeRemoved { get; init; }
}
