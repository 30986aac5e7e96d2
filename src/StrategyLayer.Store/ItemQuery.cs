namespace StrategyLayer.Store;

/// <summary>Which items <see cref="IItemReader.ItemsAsync"/> streams (every filter optional).</summary>
public sealed record ItemQuery
{
    public static readonly ItemQuery All = new();

    /// <summary>Only this source's items.</summary>
    public string? Source { get; init; }

    /// <summary>Only this team's items (any case).</summary>
    public string? Team { get; init; }

    /// <summary>
    /// Only the items with these uids (unknown ones are skipped): one read for a page of rows, never a
    /// round trip per row. The other filters still apply.
    /// </summary>
    public IReadOnlyCollection<string>? Uids { get; init; }

    /// <summary>Also items removed upstream (kept, flagged).</summary>
    public bool IncludeRemoved { get; init; } = true;
}
