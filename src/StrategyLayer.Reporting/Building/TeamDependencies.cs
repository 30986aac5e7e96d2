using StrategyLayer.Reporting.Model;

namespace StrategyLayer.Reporting.Building;

/// <summary>A delivery lead's view of the period's blockers: what the team holds up, and what holds the team up.</summary>
internal static class TeamDependencies
{
    /// <summary>The team's open items that block another team's work, one row per blocker and blocked team.</summary>
    public static IReadOnlyList<TeamDependencyView> Blocking(string team, IReadOnlyList<BlockerView> blockers, IReadOnlyList<MeasureView> measures) =>
        [.. Rows(blockers, measures, (b, side) => Same(b.BlockerTeam, team) && !Same(side.Team, team))];

    /// <summary>Other teams' open items that block this team's work.</summary>
    public static IReadOnlyList<TeamDependencyView> BlockedBy(string team, IReadOnlyList<BlockerView> blockers, IReadOnlyList<MeasureView> measures) =>
        [.. Rows(blockers, measures, (b, side) => !Same(b.BlockerTeam, team) && Same(side.Team, team))];

    private static IEnumerable<TeamDependencyView> Rows(IReadOnlyList<BlockerView> blockers, IReadOnlyList<MeasureView> measures, Func<BlockerView, BlockedTeamView, bool> keep)
    {
        var byId = measures.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
        return blockers
            .SelectMany(b => Sides(b).Where(side => keep(b, side)).Select(side => (Blocker: b, Side: side)))
            .OrderByDescending(r => Assessment.Parse(r.Blocker.Level))
            .ThenByDescending(r => r.Blocker.AgeDays)
            .ThenByDescending(r => r.Side.Count)
            .ThenBy(r => r.Blocker.Blocker.Key, KeyOrder.Instance)
            .Select(r => new TeamDependencyView
            {
                Blocker = r.Blocker.Blocker,
                BlockerTeam = r.Blocker.BlockerTeam ?? "",
                BlockerStatus = r.Blocker.BlockerStatus,
                BlockerAssignee = r.Blocker.BlockerAssignee,
                AgeDays = r.Blocker.AgeDays,
                Level = r.Blocker.Level,
                BlockedTeam = r.Side.Team,
                BlockedCount = r.Side.Count,
                BlockedItems = r.Side.Items,
                BlockedMore = Math.Max(0, r.Side.Count - r.Side.Items.Count),
                Measures = [.. r.Side.Measures.Select(id => byId.TryGetValue(id, out var m)
                    ? new MeasureRefView(m.Id, m.Name, m.BusinessOwner, m.TechnicalOwner, m.Implementation.Status, m.Potential.Status)
                    : new MeasureRefView(id, id, null, null, "", ""))],
            });
    }

    // A snapshot written before blockers kept each team's side has only the whole: one side per team.
    private static IEnumerable<BlockedTeamView> Sides(BlockerView b) =>
        b.ByTeam.Count > 0 ? b.ByTeam : b.BlockedTeams.Select(t => new BlockedTeamView(t, b.BlockedCount, b.BlockedItems, b.Measures));

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
