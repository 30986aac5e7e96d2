using Npgsql;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.Documents;

namespace StrategyLayer.Store.PostgreSql.Reading;

/// <summary>
/// An item as a row holds it: its JSON is the item without previous keys and removal (what the
/// content hash covers), which are columns of their own, written by the merge and by a removal.
/// </summary>
internal static class ItemRow
{
    /// <summary>The columns <see cref="Read"/> reads, in its order (prefix with an alias where needed).</summary>
    public const string Columns = "json, previous_keys, removed_reason, removed_at, removed_offset";

    public static string ColumnsOf(string alias) => string.Join(", ", Columns.Split(", ").Select(c => alias + "." + c));

    public static WorkItem? Read(NpgsqlDataReader reader, int first) => Decode(ReadRaw(reader, first, null));

    /// <summary>The row's columns as read, not yet decoded (<see cref="Decode"/> may run on another thread); <paramref name="mapping"/>: the column of a mapping's JSON, if any.</summary>
    public static Raw ReadRaw(NpgsqlDataReader reader, int first, int? mapping)
    {
        var removed = !reader.IsDBNull(first + 2);
        return new Raw(
            reader.GetFieldValue<byte[]>(first),
            reader.GetFieldValue<string[]>(first + 1),
            removed ? reader.GetString(first + 2) : null,
            removed ? reader.GetFieldValue<DateTimeOffset>(first + 3) : default,
            removed ? reader.GetInt16(first + 4) : (short)0,
            mapping is { } m && !reader.IsDBNull(m) ? reader.GetFieldValue<byte[]>(m) : null);
    }

    public static WorkItem? Decode(Raw row)
    {
        var item = StoreJson.ReadItem(row.Json);
        if (item is null)
        {
            return null;
        }

        var removal = row.RemovedReason is null
            ? null
            : new Removal(Enum.Parse<RemovalReason>(row.RemovedReason, ignoreCase: true), row.RemovedAt.ToOffset(TimeSpan.FromMinutes(row.RemovedOffset)));
        return row.PreviousKeys.Length == 0 && removal is null ? item : item with { PreviousKeys = row.PreviousKeys, Removed = removal };
    }

    /// <summary>An item's row as read (and its mapping's JSON when the query joined it).</summary>
    public sealed record Raw(byte[] Json, string[] PreviousKeys, string? RemovedReason, DateTimeOffset RemovedAt, short RemovedOffset, byte[]? Mapping);
}
