using System.Runtime.CompilerServices;
using Npgsql;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.PostgreSql.Reading;

namespace StrategyLayer.Store.PostgreSql;

public sealed partial class PostgreSqlStore
{
    /// <summary>Rows read per query while streaming: each chunk is its own short statement, so no snapshot or cursor stays open while the caller works.</summary>
    private const int StreamChunk = 1000;

    /// <inheritdoc />
    public async Task<WorkItem?> FindItemAsync(string idOrKey, CancellationToken cancellationToken)
    {
        var text = idOrKey.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        if (text.Contains('/', StringComparison.Ordinal) && await LoadAsync(connection, text, cancellationToken).ConfigureAwait(false) is { } byUid)
        {
            return byUid;
        }

        var (source, key) = ItemId.Parse(text);
        var uids = source is null ? [] : (await NamedAsync(connection, key, cancellationToken).ConfigureAwait(false))
            .Where(u => u.StartsWith(source + "/", StringComparison.OrdinalIgnoreCase)).ToList();
        if (uids.Count == 0)
        {
            // A bare key (or a prefix that is not a source): every source that has it.
            uids = await NamedAsync(connection, source is null ? key : text, cancellationToken).ConfigureAwait(false);
        }

        switch (uids.Count)
        {
            case 0:
                return null;
            case 1:
                return await LoadAsync(connection, uids[0], cancellationToken).ConfigureAwait(false);
            default:
                var candidates = new List<string>();
                foreach (var uid in uids)
                {
                    if (await LoadAsync(connection, uid, cancellationToken).ConfigureAwait(false) is { } item)
                    {
                        candidates.Add(item.Id);
                    }
                }

                candidates.Sort(StringComparer.Ordinal);
                throw new StrategyLayerException(
                    $"'{idOrKey}' is ambiguous: it names {string.Join(", ", candidates)}; write it as SOURCE:KEY",
                    ErrorKind.Usage,
                    idOrKey);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<WorkItem> ItemsAsync(ItemQuery? query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        query ??= ItemQuery.All;
        var where = new List<string> { "uid > @last" };
        if (query.Source is not null)
        {
            where.Add("uid >= @low AND uid < @high");
        }

        if (query.Team is not null)
        {
            where.Add("team = @team");
        }

        if (!query.IncludeRemoved)
        {
            where.Add("removed_reason IS NULL");
        }

        if (query.Uids is not null)
        {
            where.Add("uid = ANY(@uids)");
        }

        var sql = $"SELECT uid, {ItemRow.Columns} FROM strategylayer.items WHERE {string.Join(" AND ", where)} ORDER BY uid LIMIT {StreamChunk}";
        var last = "";
        while (true)
        {
            var chunk = new List<WorkItem>(StreamChunk);
            var rows = 0;
            await using (var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false))
            await using (var command = new NpgsqlCommand(sql, connection))
            {
                command.Parameters.AddWithValue("last", last);
                if (query.Source is not null)
                {
                    command.Parameters.AddWithValue("low", query.Source + "/");
                    command.Parameters.AddWithValue("high", query.Source + "0");
                }

                if (query.Team is not null)
                {
                    command.Parameters.AddWithValue("team", query.Team.ToLowerInvariant());
                }

                if (query.Uids is not null)
                {
                    command.Parameters.AddWithValue("uids", query.Uids.ToArray());
                }

                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows++;
                    last = reader.GetString(0);
                    if (ItemRow.Read(reader, 1) is { } item)
                    {
                        chunk.Add(item);
                    }
                }
            }

            foreach (var item in chunk)
            {
                // The caller may cancel between two items: the stream stops there, not a chunk later.
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }

            if (rows < StreamChunk)
            {
                yield break;
            }
        }
    }

    /// <inheritdoc />
    public async Task<int> CountItemsAsync(string? source, bool includeRemoved, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"SELECT coalesce(sum(items{(includeRemoved ? "" : " - removed")}), 0) FROM strategylayer.source_counts" + (source is null ? "" : " WHERE source = @source"),
            connection);
        if (source is not null)
        {
            command.Parameters.AddWithValue("source", source);
        }

        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task<string?> GetRawAsync(string uid, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT packed FROM strategylayer.raw WHERE uid = @uid", connection);
        command.Parameters.AddWithValue("uid", uid);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] packed ? RawCompression.Unpack(packed) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QuarantinedRecord>> QuarantinedAsync(string? source, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT source, partition, key, source_id, reason, packed, page, since FROM strategylayer.quarantine" + (source is null ? "" : " WHERE source = @source") + " ORDER BY id",
            connection);
        if (source is not null)
        {
            command.Parameters.AddWithValue("source", source);
        }

        var records = new List<QuarantinedRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(new QuarantinedRecord(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                RawCompression.Unpack(reader.GetFieldValue<byte[]>(5)))
            {
                Page = reader.IsDBNull(6) ? null : reader.GetInt32(6),
                Since = reader.GetFieldValue<DateTimeOffset>(7),
            });
        }

        return records;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReplacedTextItem>> ReplacedTextAsync(string? source, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT source, partition, key, source_id, fields, problems, pages, since FROM strategylayer.replaced_text" + (source is null ? "" : " WHERE source = @source") + " ORDER BY uid",
            connection);
        if (source is not null)
        {
            command.Parameters.AddWithValue("source", source);
        }

        var items = new List<ReplacedTextItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var fields = reader.GetFieldValue<string[]>(4);
            var problems = reader.GetFieldValue<string[]>(5);
            var pages = reader.GetFieldValue<int?[]>(6);
            items.Add(new ReplacedTextItem(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                fields.Select((f, i) => new ReplacedText(f, problems[i], pages[i])).ToList(),
                reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return items;
    }

    /// <inheritdoc />
    /// <remarks>Read whole on one short statement (a row per dependency of a stored item), then streamed out.</remarks>
    public async IAsyncEnumerable<LinkSighting> LinkHistoryAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sightings = new List<LinkSighting>();
        await using (var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false))
        await using (var command = new NpgsqlCommand("SELECT uid, target_key, first_seen FROM strategylayer.link_history", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                sightings.Add(new LinkSighting(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
            }
        }

        foreach (var sighting in sightings)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return sighting;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CursorRecord>> CursorsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT source, partition, value, at FROM strategylayer.cursors ORDER BY source, partition", connection);
        var cursors = new List<CursorRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            cursors.Add(new CursorRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return cursors;
    }

    private static async Task<WorkItem?> LoadAsync(NpgsqlConnection connection, string uid, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {ItemRow.Columns} FROM strategylayer.items WHERE uid = @uid", connection);
        command.Parameters.AddWithValue("uid", uid);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ItemRow.Read(reader, 0) : null;
    }

    /// <summary>
    /// Uids of the items named <paramref name="key"/> (any case): those whose current key it is or,
    /// when there are none, those that left it behind when they moved (aliases).
    /// </summary>
    private static async Task<List<string>> NamedAsync(NpgsqlConnection connection, string key, CancellationToken cancellationToken)
    {
        var lower = key.ToLowerInvariant();
        var current = await UidsAsync(connection, "SELECT uid FROM strategylayer.items WHERE lower(key) = @key ORDER BY uid", lower, cancellationToken).ConfigureAwait(false);
        return current.Count > 0
            ? current
            : await UidsAsync(connection, "SELECT DISTINCT uid FROM strategylayer.key_aliases WHERE bare_key = @key ORDER BY uid", lower, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<string>> UidsAsync(NpgsqlConnection connection, string sql, string key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", key);
        var uids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            uids.Add(reader.GetString(0));
        }

        return uids;
    }
}
