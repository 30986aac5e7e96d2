using LiteDB;

namespace StrategyLayer.Store;

public sealed partial class LiteStrategyStore
{
    /// <inheritdoc />
    public string? GetCursor(string source, string partition)
    {
        ThrowIfDisposed();
        var doc = _cursors.FindById(CursorId(source, partition));
        return doc is null || doc[Names.Value].IsNull ? null : doc[Names.Value].AsString;
    }

    /// <inheritdoc />
    public IReadOnlyList<CursorRecord> Cursors()
    {
        ThrowIfDisposed();
        return _cursors.FindAll()
            .Select(d => new CursorRecord(
                d[Names.Source].AsString,
                d[Names.Partition].AsString,
                d[Names.Value].IsNull ? null : d[Names.Value].AsString,
                d["at"].IsNull ? null : new DateTimeOffset(d["at"].AsInt64, TimeSpan.Zero)))
            .OrderBy(c => c.Source, StringComparer.Ordinal)
            .ThenBy(c => c.Partition, StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public string? GetMeta(string key)
    {
        ThrowIfDisposed();
        var doc = _meta.FindById(key);
        return doc is null || doc[Names.Value].IsNull ? null : doc[Names.Value].AsString;
    }

    /// <inheritdoc />
    public void SetMeta(string key, string value)
    {
        ThrowIfDisposed();
        if (string.Equals(key, SchemaKey, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{SchemaKey}' belongs to the store itself", nameof(key));
        }

        _meta.Upsert(new BsonDocument { [Names.Id] = key, [Names.Value] = value });
    }
}
