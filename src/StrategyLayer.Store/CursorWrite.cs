namespace StrategyLayer.Store;

/// <summary>When a commit writes the partition's cursor.</summary>
public enum CursorWrite
{
    /// <summary>With every commit (a null cursor leaves the stored one alone).</summary>
    Always,

    /// <summary>
    /// Only with a commit that wrote an item or a quarantined record: a re-read that changes nothing
    /// then costs no write at all. The caller commits the last cursor once, at the end, with
    /// <see cref="Always"/>; a crash before that re-reads pages that changed nothing.
    /// </summary>
    WhenChanged,
}
