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

        string[] labels = JiraLayout.IsEpic(i) || (epic < 0 && Det.Unit(seed, i, 30) < 0.6) || Det.Unit(seed, i, 30) < 0.3 ? themeLabels : [];
        string[] components = JiraLayout.IsEpic(i) || Det.Unit(seed, i, 31) < 0.5 ? themeComponents : [];

        var status = Status(index, i, version, created, now);
        var done = status == Vocabulary.Done;
        var project = index.Group(i);
        var blockedBy = index.BlockedBy(i);
        DateOnly? due = (type is "Epic" or "Story") && Det.Unit(seed, i, 32) < 0.6
            ? DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(created + (long)(30 + Det.Int(seed, i, 33, 120)) * 86_400).UtcDateTime)
            : null;
        string[] fixVersions = Det.Unit(seed, i, 34) < 0.4 ? [Det.Pick(seed, i, 35, Vocabulary.FixVersions)] : [];

        return new JiraIssue(
            Index: i,
            Id: index.JiraId(i),
            Key: index.Key(i),
            Project: project,
            Type: type,
            Summary: Titles.ForIssue(seed, i, type, themeLabels[0], version),
            Status: status,
            Resolution: done ? Vocabulary.Resolutions[Det.Weighted(seed, i + (version * 7919L), 36, [85, 10, 5])] : null,
            Priority: Det.Weighted(seed, i, 37, Vocabulary.PriorityWeights),
            Assignee: Det.Unit(seed, i, 38) < 0.85 ? ((JiraLayout.Project(seed, i) * 4) + Det.Int(seed, i, 39, 4)) % Vocabulary.People.Length : -1,
            Reporter: Det.Int(seed, i, 40, Vocabulary.People.Length),
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
            StoryPoints: type == "Story" ? StoryPointValues[Det.Int(seed, i, 41, StoryPointValues.Length)] : null,
            Description: Description(seed, i, themeLabels[0]));
    }

    private static int Status(ItemIndex index, int i, int version, long created, long now)
    {
        var seed = index.Seed;
        if (JiraLayout.IsBlockerCandidate(seed, i))
        {
            // Cross-team blockers stay open, so the PAY work they block stays at risk.
            return Det.Weighted(seed, i + (version * 7919L), 42, [30, 50, 0, 20, 0]);
        }

        if (index.BlockedBy(i) >= 0 && version == 0)
        {
            return Det.Unit(seed, i, 43) < 0.6 ? Vocabulary.Blocked : 1;
        }

        if (version > 0)
        {
            return Det.Weighted(seed, i + (version * 7919L), 44, [15, 25, 15, 5, 40]);
        }

        var age = Timeline.AgeDays(created, now);
        var doneWeight = age > 180 ? 70 : age > 90 ? 45 : 20;
        return Det.Weighted(seed, i, 45, [20, 30, 10, 5, doneWeight]);
    }

    private static string[] Description(int seed, int i, string theme)
    {
        var context = Det.Int(seed, i, 46, 3) switch
        {
            0 => "Context: this work is part of the " + theme + " initiative agreed at the quarterly planning.",
            1 => "Customers and auditors asked for this; see the linked epic for the business case.",
            _ => "Follow-up from the last incident review. Keep the change small and reversible.",
        };
        return Det.Int(seed, i, 47, 53) == 0
            ? [context, "Reported text: <script>alert('x')</script>", "Acceptance: no markup is rendered"]
            : [context, "Acceptance: works in staging and production", "Acceptance: runbook updated", "Owner: the team named in the project"];
    }
}
