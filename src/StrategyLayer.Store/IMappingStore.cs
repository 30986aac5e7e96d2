using StrategyLayer.Domain.Mapping;

namespace StrategyLayer.Store;

/// <summary>Role: reading and writing mappings (the mapping stage).</summary>
public interface IMappingStore : IMappingReader
{
    /// <summary>
    /// Writes the mappings that changed and drops those of the given uids, all or nothing. Returns the
    /// writes done: one per mapping written, one per mapping that existed and was dropped.
    /// </summary>
    Task<int> SaveMappingsAsync(IReadOnlyList<ItemMapping> changed, IReadOnlyList<string> dropped, CancellationToken cancellationToken);
}
