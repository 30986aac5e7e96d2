namespace StrategyLayer.Sync;

/// <summary>
/// What a partition's sync has committed so far. Kept as it goes, so that a sync that fails part-way
/// reports what it stored before the failure rather than nothing.
/// </summary>
internal sealed class PartitionTally(string source, string? table, string? cursor)
{
    private readonly List<SyncDataQuality> _dataQuality = [];
    private readonly List<string> _problems = [];

    public long Fetched { get; set; }
    public long Upserted { get; set; }
    public long Unchanged { get; set; }
    public long Stale { get; set; }
    public long Quarantined { get; set; }
    public long ReplacedText { get; set; }
    public long Reread { get; set; }
    public long Healed { get; set; }
    public long Deleted { get; set; }
    public long OutOfScope { get; set; }

    /// <summary>The last cursor committed (the stored one until a batch moves it).</summary>
    public string? Cursor { get; set; } = cursor;

    public void Note(SyncDataQuality entry)
    {
        if (_dataQuality.Count < SyncReport.DataQualityLimit)
        {
            _dataQuality.Add(entry);
        }
    }

    /// <summary>A failure that stopped one step: the report names it, the counts stay.</summary>
    public void Fail(string problem) => _problems.Add(problem);

    public SyncReport Report() => new()
    {
        Source = source,
        Table = table,
        Fetched = Fetched,
        Upserted = Upserted,
        Unchanged = Unchanged,
        Stale = Stale,
        Quarantined = Quarantined,
        ReplacedText = ReplacedText,
        Reread = Reread,
        Healed = Healed,
        Deleted = Deleted,
        OutOfScope = OutOfScope,
        Cursor = Cursor,
        DataQuality = [.. _dataQuality],
        Error = _problems.Count == 0 ? null : string.Join("; ", _problems),
    };
}
