using StrategyLayer.Domain.Items;
using StrategyLayer.Reporting.Model;

namespace StrategyLayer.Reporting.Building;

/// <summary>
/// One blocking item and every open item it blocks, gathered while items stream past. <see cref="Key"/>
/// is the link's target qualified by the linking items' source (<c>jira:OPS-4</c>): the same key in
/// two sources is two blockers until each is resolved.
/// </summary>
internal sealed class BlockerAccumulator(string key, ItemLink firstLink, int cap)
{
    private readonly CappedList<ItemRef> blocked = new(cap);
    private readonly List<string> blockedIds = [];
    private readonly SortedSet<string> teams = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortedSet<string> assignees = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortedSet<string> measures = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortedDictionary<string, (CappedList<ItemRef> Items, SortedSet<string> Measures)> byTeam = new(StringComparer.OrdinalIgnoreCase);

    public string Key { get; } = key;

    /// <summary>The key as the link names it (<c>OPS-4</c>).</summary>
    public string BareKey => ItemId.Parse(Key).Key;

    /// <summary>Every item whose link points here (ids), for naming an unresolved link on each.</summary>
    public IReadOnlyList<string> BlockedIds => blockedIds;

    public ItemLink Link { get; } = firstLink;

    /// <summary>When the dependency was first seen: the earliest first sighting of a link to this blocker.</summary>
    public DateTimeOffset FirstSeen { get; private set; } = DateTimeOffset.MaxValue;

    public int Count => blocked.Total;

    public IReadOnlyList<ItemRef> Blocked => blocked.Items;

    public IReadOnlyCollection<string> Teams => teams;

    public void Add(WorkItem item, ItemRef itemRef, string team, string? measureId, DateTimeOffset linkFirstSeen)
    {
        blocked.Add(itemRef);
        blockedIds.Add(item.Id);
        teams.Add(team);
        if (!byTeam.TryGetValue(team, out var side))
        {
            side = (new CappedList<ItemRef>(cap), new SortedSet<string>(StringComparer.OrdinalIgnoreCase));
            byTeam[team] = side;
        }

        side.Items.Add(itemRef);
        if (measureId is not null)
        {
            side.Measures.Add(measureId);
        }

        if (!string.IsNullOrWhiteSpace(item.Assignee) && assignees.Count < 5)
        {
            assignees.Add(item.Assignee);
        }

        if (measureId is not null)
        {
            measures.Add(measureId);
        }

        if (linkFirstSeen < FirstSeen)
        {
            FirstSeen = linkFirstSeen;
        }
    }

    /// <summary>
    /// The blocker's view once its own item was looked up: <paramref name="blocker"/> is null when it was
    /// not stored, not looked up, or ambiguous (<paramref name="problem"/> then says which).
    /// </summary>
    public BlockerView ToView(WorkItem? blocker, string? problem, ItemLinks links, DateTimeOffset evalAt, ReportSettings settings)
    {
        var team = blocker?.Team ?? Link.TargetTeam ?? KeyPrefix(BareKey);
        // The dependency's age, not the blocking ticket's: an old ticket that starts blocking today is
        // 0 days old. A link cannot be older than the blocking ticket, though.
        var since = blocker is not null && blocker.Created > FirstSeen ? blocker.Created : FirstSeen;
        var age = since >= evalAt ? 0 : (int)Math.Floor((evalAt - since).TotalDays);
        var crossTeam = teams.Any(t => !string.Equals(t, team, StringComparison.OrdinalIgnoreCase));
        var level = !crossTeam ? (age >= settings.BlockerRedDays ? Rag.Amber : Rag.Green)
            : age >= settings.BlockerRedDays ? Rag.Red
            : age >= settings.BlockerAmberDays ? Rag.Amber
            : Rag.Green;
        var id = blocker?.Id ?? Key;
        return new BlockerView
        {
            Blocker = new ItemRef(id, blocker?.Key ?? BareKey, blocker?.Title ?? "", links.ForItem(id, blocker?.BrowseUrl), team, blocker?.Status ?? Link.TargetStatus),
            BlockerTeam = team,
            BlockerStatus = blocker?.Status ?? Link.TargetStatus ?? "unknown",
            BlockerAssignee = blocker?.Assignee,
            CrossTeam = crossTeam,
            AgeDays = age,
            BlockedCount = blocked.Total,
            BlockedItems = [.. blocked.Items.OrderBy(i => i.Key, KeyOrder.Instance)],
            BlockedTeams = [.. teams],
            BlockedAssignees = [.. assignees],
            Measures = [.. measures],
            ByTeam = [.. byTeam.Select(t => new BlockedTeamView(t.Key, t.Value.Items.Total, [.. t.Value.Items.Items.OrderBy(i => i.Key, KeyOrder.Instance)], [.. t.Value.Measures]))],
            Level = Assessment.Name(level),
            Problem = problem,
        };
    }

    /// <summary>A Jira key's project (<c>OPS</c> of <c>OPS-12</c>) stands in for an unknown team.</summary>
    public static string KeyPrefix(string key)
    {
        var bare = ItemId.Parse(key).Key;
        var dash = bare.LastIndexOf('-');
        return dash > 0 ? bare[..dash] : bare;
    }
}
