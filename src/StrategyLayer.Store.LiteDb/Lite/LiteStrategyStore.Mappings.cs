using LiteDB;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Store.Serialization;

namespace StrategyLayer.Store;

public sealed partial class LiteStrategyStore
{
    /// <inheritdoc />
    public IReadOnlyDictionary<string, ItemMapping> LoadMappings()
    {
        ThrowIfDisposed();
        var mappings = new Dictionary<string, ItemMapping>(StringComparer.Ordinal);
        foreach (var doc in _mappings.FindAll())
        {
            if (System.Text.Json.JsonSerializer.Deserialize(doc[Names.Json].AsBinary, StoreJson.Mapping) is { } mapping)
            {
                mappings[mapping.Uid] = mapping;
            }
        }

        return mappings;
    }

    /// <inheritdoc />
    public int SaveMappings(IReadOnlyList<ItemMapping> changed, IReadOnlyList<string> dropped) => InTransaction(() =>
    {
        var writes = 0;
        foreach (var mapping in changed)
        {
            _mappings.Upsert(new BsonDocument
            {
                [Names.Id] = mapping.Uid,
                [Names.Json] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(mapping, StoreJson.Mapping),
            });
            writes++;
        }

        foreach (var uid in dropped)
        {
            if (_mappings.Delete(uid))
            {
                writes++;
            }
        }

        return writes;
    });
}
