using System.Globalization;
using LiteDB;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Store.LiteDb.Files;

/// <summary>Opening a file: is it a LiteDB store at all.</summary>
internal static class FileHeader
{
    private const int PageSize = 8192;
    private const int HeaderOffset = 32;
    private static readonly byte[] HeaderText = "** This is a LiteDB file **"u8.ToArray();

    public static LiteDatabase OpenDatabase(string full, string display)
    {
        Check(full, display);
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

    public static StrategyLayerException Unreadable(string display, Exception e) =>
        new($"store {display} is not a readable StrategyLayer store (LiteDB said: {e.Message}); restore it from a backup or point --store at another file", ErrorKind.Runtime, display, e);

    /// <summary>
    /// LiteDB takes some damaged files (one cut short inside its first page) for new, empty ones and
    /// would overwrite them; a file that exists must start with a LiteDB header page.
    /// </summary>
    private static void Check(string full, string display)
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
}
