using System.Text.RegularExpressions;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;

namespace StrategyLayer.Mapping;

/// <summary>
/// Finds clusters of untracked items that share a project, label, component, team (assignment group)
/// or configuration item, and proposes for each the rule text, a ready-to-paste JSON rule and the
/// measure the mapped items sharing the same attribute already map to. One streamed pass; memory
/// grows with the number of distinct attribute values, not with items. The gathering itself is
/// <see cref="UntrackedClusters"/>, for callers that already stream the items.
/// </summary>
public static partial class UntrackedSuggester
{
    public static IReadOnlyList<Suggestion> Suggest(IEnumerable<WorkItem> items, IReadOnlyDictionary<string, ItemMapping> mappings, int minSize = 3, int max = 10)
    {
        var clusters = new UntrackedClusters();
        foreach (var item in items)
        {
            clusters.Add(item, mappings.TryGetValue(item.Uid, out var mapping) ? mapping : null);
        }

        return clusters.Suggest(minSize, max);
    }

    /// <summary>As <see cref="Suggest"/>, over items streamed from the store.</summary>
    public static async Task<IReadOnlyList<Suggestion>> SuggestAsync(IAsyncEnumerable<WorkItem> items, IReadOnlyDictionary<string, ItemMapping> mappings, int minSize, int max, CancellationToken cancellationToken)
    {
        var clusters = new UntrackedClusters();
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            clusters.Add(item, mappings.TryGetValue(item.Uid, out var mapping) ? mapping : null);
        }

        return clusters.Suggest(minSize, max);
    }

    /// <summary>A value as the rule language reads it: bare when it is a plain word, else quoted.</summary>
    public static string Quote(string value) =>
        BareWord().IsMatch(value) && value.ToLowerInvariant() is not ("and" or "or" or "not" or "in" or "is" or "empty" or "null")
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    internal static string Slug(string text) => SlugChars().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex(@"^[A-Za-z0-9_.:/@-]+$")]
    private static partial Regex BareWord();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex SlugChars();
}
