using System.Globalization;
using LiteDB;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Store;

/// <summary>Opening a file: is it a LiteDB store at all, and one this build can read.</summary>
public sealed partial class LiteStrategyStore
{
    private static LiteDatabase OpenDatabase(string full, string display)
    {
        CheckHeader(full, display);
        try
        {
            return new LiteDatabase(new ConnectionString
            {
                Filename = full,
                Connection = ConnectionType.Direct,

                // Ordinal, so uids compare exactly (LiteDB's default ignores case) and stream in ordinal order.
                Collation = new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal),
            });
        }
        catch (Exception e) when (e is LiteException or IOException or InvalidOperationException or InvalidCastException or ArgumentException or IndexOutOfRangeException or FormatException or NotSupportedException)
        {
            throw Unreadable(display, e);
        }
    }

    /// <summary>
    /// LiteDB takes some damaged files (one cut short inside its first page) for new, empty ones and
    /// would overwrite them; a file that exists must start with a LiteDB header page.
    /// </summary>
    private static void CheckHeader(string full, string display)
    {
        var info = new FileInfo(full);
        if (!info.Exists || info.Length == 0)
        {
            return;
        }

        var header = new byte[HeaderOffset + HeaderText.Length];
        int read;
        using (var file = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (info.Length < PageSize || read < header.Length || !header.AsSpan(HeaderOffset).SequenceEqual(HeaderText))
        {
            throw new StrategyLayerException(
                $"store {display} is not a readable StrategyLayer store (no LiteDB header in its first page, {info.Length} bytes); restore it from a backup or point --store at another file",
                ErrorKind.Runtime,
                display);
        }
    }

    private static StrategyLayerException Unreadable(string display, Exception e) =>
        new($"store {display} is not a readable StrategyLayer store (LiteDB said: {e.Message}); restore it from a backup or point --store at another file", ErrorKind.Runtime, display, e);

    /// <summary>Checks the schema version before anything is written, then creates what is missing.</summary>
    private void Prepare()
    {
        try
        {
            var version = _meta.FindById(SchemaKey);
            var found = SchemaVersion;
            if (version is null)
            {
                _meta.Upsert(new BsonDocument { ["_id"] = SchemaKey, ["v"] = SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }
            else if (!int.TryParse(version["v"].AsString, System.Globalization.CultureInfo.InvariantCulture, out found))
            {
                throw new StrategyLayerException($"store {DisplayPath} has an unreadable schema version '{version["v"]}'", ErrorKind.Runtime, DisplayPath);
            }
            else if (found > SchemaVersion)
            {
                throw new StrategyLayerException(
                    $"store {DisplayPath} was written by a newer version (schema {found}); this build reads up to {SchemaVersion}",
                    ErrorKind.Usage,
                    DisplayPath);
            }

            EnsureIndexes();
            if (found < SchemaVersion)
            {
                // Schema 1 kept every current key in the keys collection too; those stay as aliases.
                _meta.Upsert(new BsonDocument { ["_id"] = SchemaKey, ["v"] = SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }
        }
        catch (Exception e) when (e is LiteException or IOException or InvalidOperationException or InvalidCastException or IndexOutOfRangeException or FormatException)
        {
            throw Unreadable(DisplayPath, e);
        }
    }
}
