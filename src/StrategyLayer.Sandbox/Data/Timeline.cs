namespace StrategyLayer.Sandbox.Data;

/// <summary>Generated dates (unix seconds), spread over ~3 quarters before the generator's now.</summary>
internal static class Timeline
{
    public const long Day = 86_400;

    public static long Created(int seed, int i, ItemKind kind, long now)
    {
        if (kind == ItemKind.Jira)
        {
            if (JiraLayout.IsBlockerCandidate(seed, i))
            {
                // The OPS work PAY waits on was raised three to four weeks ago: open "for weeks",
                // but still young at the end of the previous month.
                return now - (20 * Day) - (long)(DeterministicRandom.Unit(seed, i, 11) * 12 * Day);
            }

            var block = JiraLayout.Block(i);
            var blockCreated = now - (20 * Day) - (long)(DeterministicRandom.Unit(seed, block, 10) * 250 * Day);
            // Children follow their epic by up to a month, but never into the future.
            return Math.Min(blockCreated + (long)(JiraLayout.Position(i) * DeterministicRandom.Unit(seed, i, 11) * 2 * Day), now - (2 * 3600) - DeterministicRandom.Int(seed, i, 11, 3600));
        }

        // Incident volume has grown: more of them are recent (the density rises towards now).
        var spread = kind == ItemKind.Incident ? Math.Pow(DeterministicRandom.Unit(seed, i, 10), 1.5) : DeterministicRandom.Unit(seed, i, 10);
        return now - (long)(spread * 270 * Day) - 3600;
    }

    /// <summary>
    /// Last update: done work was resolved at any time since it was created (over the quarters);
    /// open work was mostly touched in the last ten days, and about one open item in fifteen has
    /// been left alone for three to seven weeks.
    /// </summary>
    public static long BaseUpdated(int seed, int i, long created, long now, bool open)
    {
        var latest = now - 60;
        if (!open)
        {
            return created + (long)(DeterministicRandom.Unit(seed, i, 12) * (latest - created));
        }

        var back = DeterministicRandom.Unit(seed, i, 14) < 0.07
            ? (long)((21 + (DeterministicRandom.Unit(seed, i, 12) * 28)) * Day)
            : (long)(DeterministicRandom.Unit(seed, i, 12) * 10 * Day);
        return Math.Max(created, latest - back);
    }

    public static double AgeDays(long created, long now) => (now - created) / (double)Day;
}
