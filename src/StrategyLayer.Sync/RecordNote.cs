using StrategyLayer.Domain.Items;

namespace StrategyLayer.Sync;

/// <summary>What the sync's accounting needs of a committed record (not its text): its ids and the fields stored with U+FFFD.</summary>
internal sealed record RecordNote(string SourceId, string Key, IReadOnlyList<ReplacedText> Replaced)
{
    public static IReadOnlyList<RecordNote> Of(IReadOnlyList<SourceRecord> records) =>
        records.Select(r => new RecordNote(r.Item.SourceId, r.Item.Key, r.Replaced)).ToList();
}
