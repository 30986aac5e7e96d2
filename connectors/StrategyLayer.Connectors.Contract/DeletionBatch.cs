namespace StrategyLayer.Connectors.Contract;

/// <summary>
/// Items the source says were deleted, and <paramref name="Mark"/>: the source's own time of the
/// newest deletion record read (null when it has none), from which the next read starts.
/// </summary>
public sealed record DeletionBatch(IReadOnlyList<string> SourceIds, DateTimeOffset? Mark);
