namespace StrategyLayer.Sandbox.Data;

/// <summary>Builds a Jira issue from (seed, index, version) plus the index's live key, updated and links.</summary>
internal static class JiraGenerator
{
    private static readonly double[] StoryPointValues = [1, 2, 3, 5, 8, 13];

    public static JiraIssue Generate(ItemIndex index, int i)
    {
        var seed = index.Seed;
        var version = index.Version(i);
        var now = index.GeneratedNowSeconds;
        var created = Timeline.Created(seed, i, ItemKind.Jira, now);
        var updated = index.Updated(i);
        var type = JiraLayout.IssueType(seed, i);
        var (themeLabels, themeComponents) = JiraLayout.Theme(seed, i);
        var epic = JiraLayout.Epic(seed, i);
        var parent = JiraLayout.Parent(seed, i);

        string[] labels = JiraLayout.IsEpic(i) || (epic < 0 && DeterministicRandom.Unit(seed, i, 30) < 0.75) || DeterministicRandom.Unit(seed, i, 30) < 0.3 ? themeLabels : [];
        string[] components = JiraLayout.IsEpic(i) || DeterministicRandom.Unit(seed, i, 31) < 0.5 ? themeComponents : [];

        var status = Status(index, i, version, created, now);
        var done = status == Vocabulary.Done;
        var project = index.Group(i);
        var blockedBy = index.BlockedBy(i);
        DateOnly? due = (type is "Epic" or "Story") && DeterministicRandom.Unit(seed, i, 32) < 0.6 ? Due(seed, i, created, now, done) : null;
        string[] fixVersions = DeterministicRandom.Unit(seed, i, 34) < 0.4 ? [DeterministicRandom.Pick(seed, i, 35, Vocabulary.FixVersions)] : [];

        return new JiraIssue(
            Index: i,
            Id: index.JiraId(i),
            Key: index.Key(i),
            Project: project,
            Type: type,
            Summary: Titles.ForIssue(seed, i, type, themeLabels[0], version),
            Status: status,
            Resolution: done ? Vocabulary.Resolutions[DeterministicRandom.Weighted(seed, i + (version * 7919L), 36, [85, 10, 5])] : null,
            Priority: DeterministicRandom.Weighted(seed, i, 37, Vocabulary.PriorityWeights),
            Assignee: DeterministicRandom.Unit(seed, i, 38) < 0.85 ? ((JiraLayout.Project(seed, i) * 4) + DeterministicRandom.Int(seed, i, 39, 4)) % Vocabulary.People.Length : -1,
            Reporter: DeterministicRandom.Int(seed, i, 40, Vocabulary.People.Length),
            Labels: labels,
            Components: components,
            FixVersions: fixVersions,
            Parent: parent,
            Epic: epic,
            BlockedBy: blockedBy >= 0 && !index.IsDeleted(blockedBy) ? blockedBy : -1,
            Blocks: [.. index.Blocks(i).Where(b => !index.IsDeleted(b))],
            Created: created,
            Updated: updated,
            Resolved: done ? updated : null,
            Due: due,
            StoryPoints: type == "Story" ? StoryPointValues[DeterministicRandom.Int(seed, i, 41, StoryPointValues.Length)] : null,
            Description: Description(seed, i, themeLabels[0]));
    }

    public static int Status(ItemIndex index, int i, int version, long created, long now)
    {
        var seed = index.Seed;
        if (JiraLayout.IsBlockerCandidate(seed, i))
        {
            // Cross-team blockers stay open, so the PAY work they block stays at risk.
            return DeterministicRandom.Weighted(seed, i + (version * 7919L), 42, [30, 50, 0, 20, 0]);
        }

        if (index.BlockedBy(i) >= 0 && version == 0)
        {
            return DeterministicRandom.Unit(seed, i, 43) < 0.6 ? Vocabulary.Blocked : 1;
        }

        if (version > 0)
        {
            return DeterministicRandom.Weighted(seed, i + (version * 7919L), 44, [15, 25, 15, 5, 40]);
        }

        var age = Timeline.AgeDays(created, now);
        var doneWeight = age > 180 ? 85 : age > 90 ? 60 : 20;
        return DeterministicRandom.Weighted(seed, i, 45, [20, 30, 10, 5, doneWeight]);
    }

    /// <summary>
    /// Done work had its due date a month or more after it was created; open work is mostly due in
    /// the coming weeks (plans get re-dated), and about one open item in twenty slipped past it.
    /// </summary>
    private static DateOnly Due(int seed, int i, long created, long now, bool done)
    {
        var at = done ? created + ((30 + DeterministicRandom.Int(seed, i, 33, 120)) * Timeline.Day)
            : DeterministicRandom.Unit(seed, i, 15) < 0.05 ? now - ((1 + DeterministicRandom.Int(seed, i, 33, 20)) * Timeline.Day)
            : now + ((7 + DeterministicRandom.Int(seed, i, 33, 70)) * Timeline.Day);
        return DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(at).UtcDateTime);
    }

    private static string[] Description(int seed, int i, string theme)
    {
        var context = DeterministicRandom.Int(seed, i, 46, 3) switch
        {
            0 => "Context: this work is part of the " + theme + " initiative agreed at the quarterly planning.",
            1 => "Customers and auditors asked for this; see the linked epic for the business case.",
            _ => "Follow-up from the last incident review. Keep the change small and reversible.",
        };
        return DeterministicRandom.Int(seed, i, 47, 53) == 0
            ? [context, "Reported text: <script>alert('x')</script>", "Acceptance: no markup is rendered"]
            : [context, "Acceptance: works in staging and production", "Acceptance: runbook updated", "Owner: the team named in the project"];
    }
}
