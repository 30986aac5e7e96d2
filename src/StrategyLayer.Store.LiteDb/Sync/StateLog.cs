using System.Globalization;
using LiteDB;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Store.LiteDb.Files;

namespace StrategyLayer.Store.LiteDb.Sync;

/// <summary>
/// The items' states (hash and updated time, what a sync compares) as an append-only log per source
/// (collection <c>statelog</c>, since schema 4): each commit that writes items appends one document
/// holding the states of the items it wrote, <c>{_id: "source/0000000042", n: count, z: packed}</c>,
/// in the commit's transaction. A sync reads its source's log once, in order, later entries replacing
/// earlier ones.
/// </summary>
/// <remarks>
/// Kept as one small document per item (schema 3), the states cost an insert into a third uid index
/// per item: items arrive in change order, scattered over the uid space, so each 2,000-item commit
/// rewrote most of that index's pages (a fifth of a 300k full sync's bytes written). Appended, a
/// commit's states are one document at the end of the log. When the log holds more than twice the
/// live entries (and more than <see cref="CompactSlack"/> extra), the sync that reads it writes it
/// again, compacted, in one transaction.
/// </remarks>
internal static class StateLog
{
    /// <summary>States per document when the log is written whole (upgrade, compaction).</summary>
    public const int Chunk = 5000;

    /// <summary>Stale entries tolerated beyond the live ones before the log is compacted.</summary>
    public const int CompactSlack = 100;

    /// <summary>What one source's log holds: the live states, how many entries were read, and the next sequence number.</summary>
    public sealed record Contents(Dictionary<string, ItemState> States, long Entries, long NextSequence)
    {
        public bool NeedsCompaction => Entries > (2L * States.Count) + CompactSlack;
    }

    /// <summary>Reads <paramref name="source"/>'s log in order (a few documents per read).</summary>
    /// <exception cref="StrategyLayerException">A document of the log cannot be read (named, with the store).</exception>
    public static Contents Read(LiteFile file, string source, int capacity)
    {
        var states = new Dictionary<string, ItemState>(capacity, StringComparer.Ordinal);
        long entries = 0, next = 1;
        foreach (var doc in ItemScan.Scan(file, f => f.StateLog, source, 16))
        {
            var id = doc[Names.Id].AsString;
            try
            {
                entries += Unpack(doc[Names.Packed].AsBinary, states);
                next = Sequence(id) + 1;
            }
            catch (Exception e) when (e is EndOfStreamException or FormatException or InvalidCastException or OverflowException)
            {
                throw new StrategyLayerException(
                    $"store {file.DisplayPath}: the items' state log is damaged (document '{id}' of collection '{Names.StateLog}': {e.Message}); restore the store from a backup, or copy its items to a new one with `strategylayer store copy --to NEW-FILE`",
                    ErrorKind.Runtime,
                    file.DisplayPath,
                    e);
            }
        }

        return new Contents(states, entries, next);
    }

    /// <summary>Appends one document with <paramref name="states"/> (inside the caller's transaction); returns the next sequence number.</summary>
    public static long Append(LiteFile file, string source, long sequence, IReadOnlyCollection<KeyValuePair<string, ItemState>> states)
    {
        if (states.Count == 0)
        {
            return sequence;
        }

        file.StateLog.Insert(Document(source, sequence, states));
        return sequence + 1;
    }

    /// <summary>Writes <paramref name="source"/>'s log again from its live states (inside the caller's transaction); returns the next sequence number.</summary>
    public static long Rewrite(LiteFile file, string source, IEnumerable<KeyValuePair<string, ItemState>> states)
    {
        file.StateLog.DeleteMany(Query.And(Query.GT(Names.Id, source + "/"), Query.LT(Names.Id, source + "0")));
        var sequence = 1L;
        foreach (var chunk in states.Chunk(Chunk))
        {
            sequence = Append(file, source, sequence, chunk);
        }

        return sequence;
    }

    /// <summary>Writes the log of every source from states read elsewhere (the upgrade from an older schema), inside the caller's transaction.</summary>
    public static void WriteAll(LiteFile file, IEnumerable<KeyValuePair<string, ItemState>> states)
    {
        foreach (var source in states.GroupBy(entry => SourceOf(entry.Key), StringComparer.Ordinal))
        {
            Rewrite(file, source.Key, source);
        }
    }

    /// <summary>The source of a uid ("source/id"): what precedes its first slash.</summary>
    private static string SourceOf(string uid) => uid[..Math.Max(0, uid.IndexOf('/', StringComparison.Ordinal))];

    private static BsonDocument Document(string source, long sequence, IReadOnlyCollection<KeyValuePair<string, ItemState>> states)
    {
        using var buffer = new MemoryStream(states.Count * 40);
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            foreach (var (uid, state) in states)
            {
                writer.Write(uid);
                writer.Write(state.Hash);
                writer.Write(state.UpdatedTicks);
            }
        }

        return new BsonDocument
        {
            [Names.Id] = source + "/" + sequence.ToString("D12", CultureInfo.InvariantCulture),
            [Names.Entries] = states.Count,
            [Names.Packed] = buffer.ToArray(),
        };
    }

    private static int Unpack(byte[] packed, Dictionary<string, ItemState> into)
    {
        using var reader = new BinaryReader(new MemoryStream(packed, writable: false), System.Text.Encoding.UTF8);
        var count = 0;
        while (reader.BaseStream.Position < packed.Length)
        {
            var uid = reader.ReadString();
            into[uid] = new ItemState(reader.ReadInt64(), reader.ReadInt64());
            count++;
        }

        return count;
    }

    private static long Sequence(string id) =>
        long.Parse(id.AsSpan(id.LastIndexOf('/') + 1), NumberStyles.None, CultureInfo.InvariantCulture);
}
