using StrategyLayer.Sandbox.Data;

namespace StrategyLayer.Sandbox.Jira;

/// <summary>Runs JQL over the live Jira issues: filter on the index, sort the index, never the issues.</summary>
internal sealed class JiraSearch(ItemIndex index, TimeZoneInfo zone)
{
    private readonly ResultCache cache = new();

    public TimeZoneInfo Zone { get; } = zone;

    public JqlQuery Parse(string? jql) => JqlParser.Parse(jql, index, Zone, index.Clock.Now);

    public int[] Run(string? jql, JqlQuery query)
    {
        var now = index.Clock.Now;
        var key = string.Concat(index.Stamp.ToString(System.Globalization.CultureInfo.InvariantCulture), "|", (now.ToUnixTimeSeconds() / 60).ToString(System.Globalization.CultureInfo.InvariantCulture), "|", jql);
        return cache.GetOrAdd(key, () => Evaluate(query));
    }

    private int[] Evaluate(JqlQuery query)
    {
        var row = new JiraRow(index);
        var matches = new List<int>();
        foreach (var i in index.LiveJira())
        {
            row.Reset(i);
            if (query.Where is null || query.Where(row))
            {
                matches.Add(i);
            }
        }

        var items = matches.ToArray();
        var order = query.OrderBy.Count > 0 ? query.OrderBy : [("id", true)];
        var keys = order.Select(o => items.Select(SortKey(o.Field)).ToArray()).ToArray();
        var positions = Enumerable.Range(0, items.Length).ToArray();
        Array.Sort(positions, (a, b) =>
        {
            for (var k = 0; k < order.Count; k++)
            {
                var c = keys[k][a].CompareTo(keys[k][b]);
                if (c != 0)
                {
                    return order[k].Descending ? -c : c;
                }
            }

            return items[a].CompareTo(items[b]);
        });
        return [.. positions.Select(p => items[p])];
    }

    private Func<int, long> SortKey(string field)
    {
        var seed = index.Seed;
        var now = index.GeneratedNowSeconds;
        return field switch
        {
            "updated" => i => index.Updated(i),
            "created" => i => Timeline.Created(seed, i, ItemKind.Jira, now),
            // Keys sort by project key, then by number.
            "key" => i => ((long)ProjectRank(index.Group(i)) << 32) | (uint)index.Number(i),
            _ => i => index.JiraId(i),
        };
    }

    private static readonly int[] Ranks = [.. Vocabulary.ProjectKeys.Select(k => Vocabulary.ProjectKeys.Count(o => string.CompareOrdinal(o, k) < 0))];

    private static int ProjectRank(int project) => Ranks[project];
}
