using StrategyLayer.Domain.Items;

namespace StrategyLayer.Store.LiteDb.Sync;

/// <summary>A batch prepared by <see cref="LiteSourceSync.Prepare"/>: records as documents, quarantined records as they came.</summary>
internal sealed class LitePreparedBatch(LiteSourceSync owner, IReadOnlyList<PreparedRecord> records, IReadOnlyList<QuarantinedRecord> quarantined)
    : PreparedBatch(records.Count, quarantined.Count)
{
    public LiteSourceSync Owner { get; } = owner;

    public IReadOnlyList<PreparedRecord> Prepared { get; } = records;

    public IReadOnlyList<QuarantinedRecord> Rejected { get; } = quarantined;
}
