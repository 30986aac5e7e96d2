using System.Globalization;
using LiteDB;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Store.Documents;
using StrategyLayer.Store.LiteDb.Sync;

namespace StrategyLayer.Store.LiteDb.Files;

/// <summary>The file's schema: its version (checked before anything is written) and its indexes.</summary>
internal static class Schema
{
    /// <summary>The schema this build writes and the newest it reads.</summary>
    public const int Version = 4;

    /// <summary>The meta entry that holds the version: the store's own, not a named value of the stages.</summary>
    public const string VersionKey = "schemaVersion";

    /// <summary>The items' key, in lower case: what the key index holds.</summary>
    public const string KeyExpression = "LOWER($." + Names.Key + ")";

    /// <summary>Checks the schema version before anything is written, then creates what is missing.</summary>
    public static void EnsureCurrent(LiteFile file)
    {
        try
        {
            var version = file.Meta.FindById(VersionKey);
            var found = Version;
            if (version is null)
            {
                file.Meta.Upsert(VersionDocument());
            }
            else if (!int.TryParse(version[Names.Value].AsString, CultureInfo.InvariantCulture, out found))
            {
                throw new StrategyLayerException($"store {file.DisplayPath} has an unreadable schema version '{version[Names.Value]}'", ErrorKind.Runtime, file.DisplayPath);
            }
            else if (found > Version)
            {
                throw new StrategyLayerException(
                    $"store {file.DisplayPath} was written by a newer version (schema {found}); this build reads up to {Version}",
                    ErrorKind.Usage,
                    file.DisplayPath);
            }

            EnsureIndexes(file);
            if (found < Version)
            {
                // Schema 1 kept every current key in the keys collection too; those stay as aliases.
                // Schema 2 kept each item's state in the item, schema 3 in a document of its own:
                // schema 4 keeps them in a log per source, written from the old places once, in one
                // transaction with the new version (a crash leaves the old schema, and the next open
                // starts again).
                if (ItemCounts.Count(file, null, includeRemoved: true) is > 0 and var items)
                {
                    file.Upgrading?.Invoke($"store {file.DisplayPath}: upgrading from schema {found} to {Version} (the items' hashes kept in a compact log, so a sync need not read every item when it begins and writes less): once, {items:N0} items");
                }

                file.Write(() =>
                {
                    WriteStateLog(file, found);
                    file.Meta.Upsert(VersionDocument());
                    return true;
                });
            }

            // Schema 3's state documents, once the log holds them: LiteDB drops a collection in a
            // transaction of its own, so a crash between the two leaves them here for the next open.
            file.DropIfPresent(Names.States);
        }
        catch (Exception e) when (e is LiteException or IOException or InvalidOperationException or InvalidCastException or IndexOutOfRangeException or FormatException)
        {
            throw FileHeader.Unreadable(file.DisplayPath, e);
        }
    }

    /// <summary>
    /// The state log from schema 3's state documents, or from schema 2's items (a state missing in
    /// either: the item is written again when next seen), in uid order, in the caller's transaction.
    /// </summary>
    private static void WriteStateLog(LiteFile file, int found)
    {
        var fields = new[] { Names.Hash, Names.Updated };
        var docs = found == 3
            ? ItemScan.Scan(file, f => f.Collection(Names.States), null, ItemScan.ScanChunk, fields)
            : ItemScan.Scan(file, null, ItemScan.ScanChunk, fields);

        file.StateLog.DeleteAll();
        StateLog.WriteAll(file, docs.Select(doc => new KeyValuePair<string, ItemState>(
            doc[Names.Id].AsString,
            new ItemState(
                doc[Names.Hash].IsInt64 ? doc[Names.Hash].AsInt64 : ContentHash.MustRewrite,
                doc[Names.Updated].IsInt64 ? doc[Names.Updated].AsInt64 : 0))));
    }

    private static BsonDocument VersionDocument() =>
        new() { [Names.Id] = VersionKey, [Names.Value] = Version.ToString(CultureInfo.InvariantCulture) };

    private static void EnsureIndexes(LiteFile file)
    {
        // Items by source are a range of _id (uids start with "source/"), and counts are counters:
        // the secondary indexes on items are the team's and the key's (any case). Every index costs
        // on every insert.
        file.Items.EnsureIndex(Names.Team, "$." + Names.Team);
        file.Items.EnsureIndex(Names.KeyIndex, KeyExpression);
        file.Keys.EnsureIndex(Names.BareKey, "$." + Names.BareKey);
        file.Quarantine.EnsureIndex(Names.Source, "$." + Names.Source);
        file.TextFixes.EnsureIndex(Names.Source, "$." + Names.Source);
        file.Runs.EnsureIndex(Names.Started, "$." + Names.Started);
        file.Outbox.EnsureIndex(Names.State, "$." + Names.State);
    }
}
