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

    public static WorkItem? Read(NpgsqlDataReader reader, int first)
    {
        var item = StoreJson.ReadItem(reader.GetFieldValue<byte[]>(first));
        if (item is null)
        {
            return null;
        }

        var previous = reader.GetFieldValue<string[]>(first + 1);
        var removal = reader.IsDBNull(first + 2)
            ? null
            : new Removal(
                Enum.Parse<RemovalReason>(reader.GetString(first + 2), ignoreCase: true),
                reader.GetFieldValue<DateTimeOffset>(first + 3).ToOffset(TimeSpan.FromMinutes(reader.GetInt16(first + 4))));
        return previous.Length == 0 && removal is null ? item : item with { PreviousKeys = previous, Removed = removal };
    }
}
