namespace StrategyLayer.Sandbox.Data;

internal sealed partial class ItemIndex
{
    private void Build()
    {
        var now = GeneratedNowSeconds;
        var opsCandidates = new List<int>();
        for (var i = 0; i < JiraCount; i++)
        {
            var project = JiraLayout.Project(Seed, i);
            group[i] = (byte)project;
            byProject[project].Add(i);
            number[i] = byProject[project].Count;
            if (JiraLayout.IsBlockerCandidate(Seed, i))
            {
                opsCandidates.Add(i);
            }
        }

        if (opsCandidates.Count > 0)
        {
            // A few OPS items hold up several PAY stories each (one dependency, many waiting), so
            // the pack shows a handful of cross-team blockers rather than one per story.
            var pool = Math.Min(opsCandidates.Count, Math.Max(3, opsCandidates.Count / 8));
            for (var i = 0; i < JiraCount; i++)
            {
                if (JiraLayout.WantsBlocker(Seed, i))
                {
                    var blocker = opsCandidates[DeterministicRandom.Int(Seed, i, 7, pool)];
                    blockedBy[i] = blocker;
                    if (!blocks.TryGetValue(blocker, out var list))
                    {
                        blocks[blocker] = list = [];
                    }

                    list.Add(i);
                }
            }
        }

        // Freshness follows the status, and a blocked issue's status follows its link: last.
        for (var i = 0; i < JiraCount; i++)
        {
            var created = Timeline.Created(Seed, i, ItemKind.Jira, now);
            var open = JiraGenerator.Status(this, i, 0, created, now) != Vocabulary.Done;
            updated[i] = Timeline.BaseUpdated(Seed, i, created, now, open);
        }

        foreach (var kind in new[] { ItemKind.Incident, ItemKind.Change, ItemKind.Problem })
        {
            var start = TableStart(kind);
            for (var n = 0; n < TableCount(kind); n++)
            {
                var i = start + n;
                number[i] = n + 1;
                group[i] = (byte)ServiceNowLayout.Group(Seed, i, kind);
                var created = Timeline.Created(Seed, i, kind, now);
                updated[i] = Timeline.BaseUpdated(Seed, i, created, now, ServiceNowGenerator.IsOpen(Seed, i, kind, group[i], created, now));
            }
        }
    }
}
