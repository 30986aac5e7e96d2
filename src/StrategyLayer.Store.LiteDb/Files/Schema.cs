using System.Globalization;
using LiteDB;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Store.Documents;

namespace StrategyLayer.Store.LiteDb.Files;

/// <summary>The file's schema: its version (checked before anything is written) and its indexes.</summary>
internal static class Schema
{
    /// <summary>The schema this build writes and the newest it reads.</summary>
    public const int Version = 3;

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
                // Schema 2 kept no states: they are read from the items once, in one transaction
                // with the new version (a crash leaves schema 2, and the next open starts again).
                if (found < 3 && ItemCounts.Count(file, null, includeRemoved: true) is > 0 and var items)
                {
                    file.Upgrading?.Invoke($"store {file.DisplayPath}: upgrading from schema {found} to {Version} (each item's hash kept apart, so a sync need not read every item when it begins): once, {items:N0} items");
                }

                file.Write(() =>
                {
                    if (found < 3)
                    {
                        WriteStates(file);
                    }

                    file.Meta.Upsert(VersionDocument());
                    return true;
                });
            }
        }
        catch (Exception e) when (e is LiteException or IOException or InvalidOperationException or InvalidCastException or IndexOutOfRangeException or FormatException)
        {
            throw FileHeader.Unreadable(file.DisplayPath, e);
        }
    }

    private static void WriteStates(LiteFile file)
    {
        // A chunk at a time (each read materialised before it is written), all in the caller's one transaction.
        var states = ItemScan.Scan(file, null, ItemScan.ScanChunk, Names.Hash, Names.Updated)
            .Select(doc => ItemDocuments.State(
                doc[Names.Id].AsString,
                doc[Names.Hash].IsInt64 ? doc[Names.Hash].AsInt64 : ContentHash.MustRewrite, // none: written again when next seen
                doc[Names.Updated].IsInt64 ? doc[Names.Updated].AsInt64 : 0));
        foreach (var chunk in states.Chunk(ItemScan.ScanChunk))
        {
            file.States.Upsert(chunk);
        }
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
