namespace StrategyLayer.Sandbox.Data;

internal sealed partial class ItemIndex
{
    /// <summary>Edits a share of live items: version + 1, updated = the sandbox clock's now.</summary>
    public IReadOnlyList<int> Edit(double share, SandboxSource source)
    {
        lock (gate)
        {
            var picked = Pick(source, live => (int)Math.Round(live * Math.Clamp(share, 0, 1)), eligible: i => !IsDeleted(i));
            var now = Clock.Now.ToUnixTimeSeconds();
            foreach (var i in picked)
            {
                version[i]++;
                Volatile.Write(ref updated[i], now);
            }

            Edited += picked.Count;
            Interlocked.Increment(ref stamp);
            return picked;
        }
    }

    /// <summary>Deletes live items; ServiceNow deletions leave a sys_audit_delete row.</summary>
    public IReadOnlyList<(int Index, string Key)> Delete(int count, SandboxSource source)
    {
        lock (gate)
        {
            var picked = Pick(source, live => Math.Min(count, live), eligible: i => !IsDeleted(i));
            var now = Clock.Now.ToUnixTimeSeconds();
            var result = new List<(int, string)>(picked.Count);
            foreach (var i in picked)
            {
                result.Add((i, Key(i)));
                flags[i] |= DeletedFlag;
                if (KindOf(i) != ItemKind.Jira)
                {
                    auditDeletes.Add((i, now));
                }
            }

            DeletedCount += picked.Count;
            Interlocked.Increment(ref stamp);
            return result;
        }
    }

    /// <summary>Moves live Jira issues to the ARCH project (out of any demo scope); their old keys still resolve.</summary>
    public IReadOnlyList<(string OldKey, string NewKey)> MoveOutOfScope(int count)
    {
        lock (gate)
        {
            var picked = Pick(SandboxSource.Jira, live => Math.Min(count, live), eligible: i => !IsDeleted(i) && !IsMoved(i));
            var now = Clock.Now.ToUnixTimeSeconds();
            var result = new List<(string, string)>(picked.Count);
            foreach (var i in picked)
            {
                var oldKey = Key(i);
                oldKeys[oldKey] = i;
                byProject[Vocabulary.MovedProject].Add(i);
                group[i] = Vocabulary.MovedProject;
                number[i] = byProject[Vocabulary.MovedProject].Count;
                flags[i] |= MovedFlag;
                version[i]++;
                Volatile.Write(ref updated[i], now);
                result.Add((oldKey, Key(i)));
            }

            Moved += picked.Count;
            Interlocked.Increment(ref stamp);
            return result;
        }
    }

    private List<int> Pick(SandboxSource source, Func<int, int> howMany, Func<int, bool> eligible)
    {
        var (start, end) = source switch
        {
            SandboxSource.Jira => (0, JiraCount),
            SandboxSource.ServiceNow => (JiraCount, Count),
            _ => (0, Count),
        };
        var candidates = new List<int>();
        for (var i = start; i < end; i++)
        {
            if (eligible(i))
            {
                candidates.Add(i);
            }
        }

        var wanted = howMany(candidates.Count);

        // Seeded by the seed and the mutation count, so the same calls pick the same items.
        var random = new Random((int)DeterministicRandom.Hash(Seed, stamp, 13));
        for (var k = 0; k < wanted; k++)
        {
            var j = k + random.Next(candidates.Count - k);
            (candidates[k], candidates[j]) = (candidates[j], candidates[k]);
        }

        var picked = candidates.GetRange(0, wanted);
        picked.Sort();
        return picked;
    }

    public SandboxCounts Counts()
    {
        lock (gate)
        {
            var projects = new Dictionary<string, int>();
            for (var i = 0; i < JiraCount; i++)
            {
                if (!IsDeleted(i))
                {
                    var key = ProjectKey(i);
                    projects[key] = projects.GetValueOrDefault(key) + 1;
                }
            }

            var tables = new Dictionary<string, int>
            {
                ["incident"] = LiveRows(ItemKind.Incident).Count(),
                ["change_request"] = LiveRows(ItemKind.Change).Count(),
                ["problem"] = LiveRows(ItemKind.Problem).Count(),
            };
            return new SandboxCounts(projects, tables, DeletedCount, Edited, Moved);
        }
    }
}
