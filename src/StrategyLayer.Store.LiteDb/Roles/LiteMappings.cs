using LiteDB;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Store.Documents;
using StrategyLayer.Store.LiteDb.Files;

namespace StrategyLayer.Store.LiteDb.Roles;

/// <summary><see cref="IMappingStore"/> on the file.</summary>
internal sealed class LiteMappings(LiteFile file) : IMappingStore
{
    public Task<IReadOnlyDictionary<string, ItemMapping>> LoadMappingsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        file.ThrowIfDisposed();
        var mappings = new Dictionary<string, ItemMapping>(StringComparer.Ordinal);
        foreach (var doc in file.Read(() => file.Mappings.FindAll().ToList()))
        {
            if (System.Text.Json.JsonSerializer.Deserialize(doc[Names.Json].AsBinary, StoreJson.Mapping) is { } mapping)
            {
                mappings[mapping.Uid] = mapping;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, ItemMapping>>(mappings);
    }

    public IAsyncEnumerable<MappedItem> MappedItemsAsync(CancellationToken cancellationToken)
    {
        file.ThrowIfDisposed();
        return new MappedItemStream(file).ReadAsync(cancellationToken);
    }

    public Task<int> SaveMappingsAsync(IReadOnlyList<ItemMapping> changed, IReadOnlyList<string> dropped, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(file.Write(() =>
        {
            var writes = 0;
            foreach (var mapping in changed)
            {
                file.Mappings.Upsert(new BsonDocument
                {
                    [Names.Id] = mapping.Uid,
                    [Names.Json] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(mapping, StoreJson.Mapping),
                });
                writes++;
            }

            foreach (var uid in dropped)
            {
                if (file.Mappings.Delete(uid))
                {
                    writes++;
                }
            }

            return writes;
        }));
    }
}
