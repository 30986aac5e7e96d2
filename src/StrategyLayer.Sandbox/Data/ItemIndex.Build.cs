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
            updated[i] = Timeline.BaseUpdated(Seed, i, Timeline.Created(Seed, i, ItemKind.Jira, now), now);
            if (JiraLayout.IsBlockerCandidate(Seed, i))
            {
                opsCandidates.Add(i);
            }
        }

        if (opsCandidates.Count > 0)
        {
            for (var i = 0; i < JiraCount; i++)
            {
                if (JiraLayout.WantsBlocker(Seed, i))
                {
                    var blocker = opsCandidates[Det.Int(Seed, i, 7, opsCandidates.Count)];
                    blockedBy[i] = blocker;
                    if (!blocks.TryGetValue(blocker, out var list))
                    {
                        blocks[blocker] = list = [];
                    }

                    list.Add(i);
                }
            }
        }

        foreach (var kind in new[] { ItemKind.Incident, ItemKind.Change, ItemKind.Problem })
        {
            var start = TableStart(kind);
            for (var n = 0; n < TableCount(kind); n++)
            {
                var i = start + n;
                number[i] = n + 1;
                group[i] = (byte)ServiceNowLayout.Group(Seed, i, kind);
                updated[i] = Timeline.BaseUpdated(Seed, i, Timeline.Created(Seed, i, kind, now), now);
            }
        }
    }
}
