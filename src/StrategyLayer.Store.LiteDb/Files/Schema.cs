using System.Globalization;
using LiteDB;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Store.LiteDb.Files;

/// <summary>The file's schema: its version (checked before anything is written) and its indexes.</summary>
internal static class Schema
{
    /// <summary>The schema this build writes and the newest it reads.</summary>
    public const int Version = 2;

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
                file.Meta.Upsert(VersionDocument());
            }
        }
        catch (Exception e) when (e is LiteException or IOException or InvalidOperationException or InvalidCastException or IndexOutOfRangeException or FormatException)
        {
            throw FileHeader.Unreadable(file.DisplayPath, e);
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
