namespace StrategyLayer.Sandbox.Data;

/// <summary>Per-table choices that the index needs at build time (the assignment group).</summary>
internal static class ServiceNowLayout
{
    public static int Group(int seed, int i, ItemKind kind) => DeterministicRandom.Weighted(seed, i, 50, kind switch
    {
        ItemKind.Incident => [50, 12, 10, 13, 15],
        ItemKind.Change => [10, 20, 15, 40, 15],
        _ => [15, 15, 40, 15, 15],
    });

    public static string Table(ItemKind kind) => kind switch
    {
        ItemKind.Incident => "incident",
        ItemKind.Change => "change_request",
        ItemKind.Problem => "problem",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
