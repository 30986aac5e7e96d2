using StrategyLayer.Domain.Items;

namespace StrategyLayer.Connectors.Contract;

/// <summary>Records read again by id: those read (cleanly or with replaced text), those still unreadable, and the ids the source no longer returns.</summary>
public sealed record RereadBatch(IReadOnlyList<SourceRecord> Records, IReadOnlyList<QuarantinedRecord> Quarantined, IReadOnlyList<string> Missing);
