namespace StrategyLayer.Store.PostgreSql.Writing;

/// <summary>
/// The dependencies ("is blocked by" links) the written copies of a batch's items carry, for
/// <c>strategylayer.link_history</c>: one row per link (a new one dated <paramref name="Seen"/>), and
/// the stored items written, whose links no longer carried are forgotten.
/// </summary>
internal sealed record StagedLinks(string[] Uids, string[] Targets, DateTimeOffset[] Seen, string[] Rewritten)
{
    public static readonly StagedLinks None = new([], [], [], []);

    public bool IsEmpty => Uids.Length == 0 && Rewritten.Length == 0;
}
