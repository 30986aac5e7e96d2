namespace StrategyLayer.Sync;

/// <summary>
/// One record of a sync worth a person's look: stored with U+FFFD in <see cref="Field"/> (data
/// quality: the sync still succeeds), or <see cref="Quarantined"/> (not stored: the sync is partial).
/// </summary>
/// <param name="Item"><c>source:KEY</c> (the source id where the record had no key).</param>
/// <param name="Page">The page of the read it came on; null for a read by id.</param>
/// <param name="Field">The field whose text was replaced; null for a quarantined record.</param>
/// <param name="Problem">What is wrong.</param>
/// <param name="Quarantined">True when the record could not be read at all and was quarantined.</param>
public sealed record SyncDataQuality(string Item, int? Page, string? Field, string Problem, bool Quarantined);
