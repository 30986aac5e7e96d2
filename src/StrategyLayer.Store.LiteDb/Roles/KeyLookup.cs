using LiteDB;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.LiteDb.Files;

namespace StrategyLayer.Store.LiteDb.Roles;

/// <summary>Finding an item by uid, <c>source:KEY</c>, bare key or old key.</summary>
internal sealed class KeyLookup(LiteFile file)
{
    public WorkItem? Find(string idOrKey)
    {
        file.ThrowIfDisposed();
        var text = idOrKey.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Contains('/', StringComparison.Ordinal) && ItemDocuments.Load(file.Items.FindById(text)) is { } byUid)
        {
            return byUid;
        }

        var (source, key) = ItemId.Parse(text);

        var uids = source is null ? [] : Named(key, u => u.StartsWith(source + "/", StringComparison.OrdinalIgnoreCase));
        if (uids.Count == 0)
        {
            // A bare key (or a prefix that is not a source): every source that has it.
            uids = Named(source is null ? key : text, _ => true);
        }

        switch (uids.Count)
        {
            case 0:
                return null;
            case 1:
                return ItemDocuments.Load(file.Items.FindById(uids[0]));
            default:
                var candidates = uids.Select(u => ItemDocuments.Load(file.Items.FindById(u))).OfType<WorkItem>().Select(i => i.Id).Order(StringComparer.Ordinal);
                throw new StrategyLayerException(
                    $"'{idOrKey}' is ambiguous: it names {string.Join(", ", candidates)}; write it as SOURCE:KEY",
                    ErrorKind.Usage,
                    idOrKey);
        }
    }

    /// <summary>
    /// Uids of the items named <paramref name="key"/> (any case) that <paramref name="keep"/> accepts:
    /// those whose current key it is (the items' key index) or, when there are none, those that left
    /// it behind when they moved (aliases). The key is a parameter: the query text stays the same, so
    /// LiteDB compiles it once, not on every lookup (reports look up every blocker).
    /// </summary>
    private List<string> Named(string key, Func<string, bool> keep)
    {
        var lower = key.ToLowerInvariant();
        var current = file.Items.Find(BsonExpression.Create(Schema.KeyExpression + " = @0", new BsonValue(lower))).Select(d => d[Names.Id].AsString).Where(keep).Distinct(StringComparer.Ordinal).ToList();
        return current.Count > 0
            ? current
            : file.Keys.Find(BsonExpression.Create("$." + Names.BareKey + " = @0", new BsonValue(lower))).Select(d => d[Names.Uid].AsString).Where(keep).Distinct(StringComparer.Ordinal).ToList();
    }
}
