using Npgsql;
using NpgsqlTypes;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Store.Documents;
using StrategyLayer.Store.PostgreSql.Reading;

namespace StrategyLayer.Store.PostgreSql;

public sealed partial class PostgreSqlStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, ItemMapping>> LoadMappingsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT json FROM strategylayer.mappings", connection);
        var mappings = new Dictionary<string, ItemMapping>(StringComparer.Ordinal);
        foreach (var mapping in await JsonColumn.ReadAllAsync(command, StoreJson.Mapping, cancellationToken).ConfigureAwait(false))
        {
            mappings[mapping.Uid] = mapping;
        }

        return mappings;
    }

    /// <inheritdoc />
    /// <remarks>
    /// A chunk at a time in uid order; the next chunk is fetched while this one's JSON is turned into
    /// items on a worker thread and the caller works through the one before (<see cref="ReadAhead"/>).
    /// </remarks>
    public IAsyncEnumerable<MappedItem> MappedItemsAsync(CancellationToken cancellationToken) =>
        ReadAhead.StreamAsync<ItemRow.Raw, MappedItem, string>("", ReadMappedChunkAsync, DecodeMapped, cancellationToken);

    /// <summary>The rows after uid <paramref name="after"/> (one chunk) with their mappings, and the uid to read on from (null after the last chunk).</summary>
    private async Task<ReadAheadChunk<ItemRow.Raw, string>> ReadMappedChunkAsync(string after, CancellationToken cancellationToken)
    {
        // The bound is repeated on the mappings: without it the planner's merge join reads the mappings'
        // index from its start for every chunk (at 300k items about 130 ms a chunk near the end, most of a
        // report's time); with it each chunk reads its own range (under 2 ms).
        var sql = $"""
            SELECT i.uid, {ItemRow.ColumnsOf("i")}, m.json
            FROM strategylayer.items i LEFT JOIN strategylayer.mappings m ON m.uid = i.uid AND m.uid > @last
            WHERE i.uid > @last ORDER BY i.uid LIMIT {StreamChunk}
            """;
        var chunk = new List<ItemRow.Raw>(StreamChunk);
        var last = after;
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("last", after);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            last = reader.GetString(0);
            chunk.Add(ItemRow.ReadRaw(reader, 1, 6));
        }

        return new ReadAheadChunk<ItemRow.Raw, string>(chunk, chunk.Count < StreamChunk ? null : last);
    }

    /// <summary>A chunk's rows as items with their mappings (on a worker thread, beside the next fetch).</summary>
    private static List<MappedItem> DecodeMapped(IReadOnlyList<ItemRow.Raw> rows)
    {
        var mapped = new List<MappedItem>(rows.Count);
        foreach (var row in rows)
        {
            if (ItemRow.Decode(row) is { } item)
            {
                var mapping = row.Mapping is null ? null : System.Text.Json.JsonSerializer.Deserialize(row.Mapping, StoreJson.Mapping);
                mapped.Add(new MappedItem(item, mapping));
            }
        }

        return mapped;
    }

    /// <inheritdoc />
    /// <remarks>Changed mappings go in by binary COPY and one upsert: a first map writes one per item.</remarks>
    public async Task<int> SaveMappingsAsync(IReadOnlyList<ItemMapping> changed, IReadOnlyList<string> dropped, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var writes = 0;
        if (changed.Count > 0)
        {
            await using (var create = new NpgsqlCommand("CREATE TEMP TABLE IF NOT EXISTS sl_stage_mappings (uid text COLLATE \"C\" NOT NULL, json bytea NOT NULL) ON COMMIT DELETE ROWS", connection, transaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // The last of several mappings for one uid wins, as writing them one by one would.
            var last = new Dictionary<string, ItemMapping>(StringComparer.Ordinal);
            foreach (var mapping in changed)
            {
                last[mapping.Uid] = mapping;
            }

            await using (var importer = await connection.BeginBinaryImportAsync("COPY sl_stage_mappings (uid, json) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
            {
                foreach (var mapping in last.Values)
                {
                    await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(mapping.Uid, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(mapping, StoreJson.Mapping), NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                }

                await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var merge = new NpgsqlCommand(
                "INSERT INTO strategylayer.mappings (uid, json) SELECT uid, json FROM sl_stage_mappings ON CONFLICT (uid) DO UPDATE SET json = excluded.json",
                connection,
                transaction);
            await merge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            writes += changed.Count;
        }

        if (dropped.Count > 0)
        {
            await using var delete = new NpgsqlCommand("DELETE FROM strategylayer.mappings WHERE uid = ANY (@uids)", connection, transaction);
            delete.Parameters.AddWithValue("uids", dropped.Distinct(StringComparer.Ordinal).ToArray());
            writes += await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return writes;
    }
}
