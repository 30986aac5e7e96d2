using LiteDB;
using StrategyLayer.Store.LiteDb.Files;

namespace StrategyLayer.Store.LiteDb.Roles;

/// <summary><see cref="INamedValues"/> on the file's meta collection, which also holds the schema version (not a named value).</summary>
internal sealed class LiteNamedValues(LiteFile file) : INamedValues
{
    public Task<string?> GetValueAsync(string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        file.ThrowIfDisposed();
        var doc = file.Read(() => file.Meta.FindById(name));
        return Task.FromResult(doc is null || doc[Names.Value].IsNull ? null : doc[Names.Value].AsString);
    }

    public Task<IReadOnlyDictionary<string, string>> ValuesAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        file.ThrowIfDisposed();
        IReadOnlyDictionary<string, string> values = file.Read(() => file.Meta.FindAll().ToList())
            .Where(d => !IsOwn(d[Names.Id].AsString) && !d[Names.Value].IsNull)
            .ToDictionary(d => d[Names.Id].AsString, d => d[Names.Value].AsString, StringComparer.Ordinal);
        return Task.FromResult(values);
    }

    public Task SetValueAsync(string name, string value, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (IsOwn(name))
        {
            throw new ArgumentException($"'{name}' belongs to the store itself", nameof(name));
        }

        file.Write(() => file.Meta.Upsert(new BsonDocument { [Names.Id] = name, [Names.Value] = value }));
        return Task.CompletedTask;
    }

    private static bool IsOwn(string name) => string.Equals(name, Schema.VersionKey, StringComparison.Ordinal);
}
