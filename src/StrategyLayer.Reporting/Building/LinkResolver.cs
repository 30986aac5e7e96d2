using StrategyLayer.Domain.Items;

namespace StrategyLayer.Reporting.Building;

/// <summary>
/// Finds the item a dependency link points to. A link names a bare key (<c>SEC-9</c>) that several
/// sources may hold (two Jira sites during a migration): it resolves within the linking item's source
/// first, and only when that source does not hold the key, in the other sources when exactly one holds
/// it. A link still missing or ambiguous is unresolved: the caller keeps it as a risk and names it as a
/// data-quality problem; it never stops the report.
/// </summary>
internal sealed class LinkResolver(Func<string, WorkItem?> findItem, IEnumerable<string> sources)
{
    private readonly string[] sources = [.. sources.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The id a link is known by before it is resolved: <c>source:KEY</c> of the linking item's source.</summary>
    public static string Qualify(string source, string targetKey) =>
        ItemId.Parse(targetKey).Source is null ? ItemId.Format(source, targetKey) : targetKey;

    public LinkTarget Resolve(string qualifiedId)
    {
        if (findItem(qualifiedId) is { } own)
        {
            return new LinkTarget(own, null);
        }

        var (source, key) = ItemId.Parse(qualifiedId);
        var elsewhere = new List<WorkItem>();
        foreach (var other in sources.Where(s => !string.Equals(s, source, StringComparison.OrdinalIgnoreCase)))
        {
            if (findItem(ItemId.Format(other, key)) is { } found && found.Source == other)
            {
                elsewhere.Add(found);
            }
        }

        return elsewhere.Count switch
        {
            1 => new LinkTarget(elsewhere[0], null),
            0 => new LinkTarget(null, $"{key} is not stored (not in {source}, nor in another source)"),
            _ => new LinkTarget(null, $"{key} is not in {source} and is ambiguous: several sources hold it ({string.Join(", ", elsewhere.Select(i => i.Id))})"),
        };
    }
}

/// <summary>The stored item a link resolved to, or why it did not resolve.</summary>
internal sealed record LinkTarget(WorkItem? Item, string? Problem);
