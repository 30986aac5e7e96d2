namespace StrategyLayer.Sandbox.Data;

/// <summary>Generated dates (unix seconds), spread over ~3 quarters before the generator's now.</summary>
internal static class Timeline
{
    private const long Day = 86_400;

    public static long Created(int seed, int i, ItemKind kind, long now)
    {
        if (kind == ItemKind.Jira)
        {
            var block = JiraLayout.Block(i);
            var blockCreated = now - (20 * Day) - (long)(Det.Unit(seed, block, 10) * 250 * Day);
            // Children follow their epic by up to a month, but never into the future.
            return Math.Min(blockCreated + (long)(JiraLayout.Position(i) * Det.Unit(seed, i, 11) * 2 * Day), now - (2 * 3600) - Det.Int(seed, i, 11, 3600));
        }

        return now - (long)(Det.Unit(seed, i, 10) * 270 * Day) - 3600;
    }

    public static long BaseUpdated(int seed, int i, long created, long now)
    {
        var latest = now - 60;
        return created + (long)(Det.Unit(seed, i, 12) * (latest - created));
    }

    public static double AgeDays(long created, long now) => (now - created) / (double)Day;
}
