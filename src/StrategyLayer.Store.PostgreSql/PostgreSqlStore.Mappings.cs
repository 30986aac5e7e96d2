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
    /// A chunk at a time in uid order; while the caller works through one chunk, the next is fetched and
    /// its JSON turned into items on a worker thread, so the report's work and the reading run side by side.
    /// </remarks>
    public IAsyncEnumerable<MappedItem> MappedItemsAsync(CancellationToken cancellationToken) =>
        ReadAhead.StreamAsync<MappedItem, string>("", ReadMappedChunkAsync, cancellationToken);

    /// <summary>The items after uid <paramref name="after"/> (one chunk) with their mappings, and the uid to read on from (null after the last chunk).</summary>
    private async Task<ReadAheadChunk<MappedItem, string>> ReadMappedChunkAsync(string after, CancellationToken cancellationToken)
    {
        // The bound is repeated on the mappings: without it the planner's merge join reads the mappings'
        // index from its start for every chunk (at 300k items about 130 ms a chunk near the end, most of a
        // report's time); with it each chunk reads its own range (under 2 ms).
        var sql = $"""
            SELECT i.uid, {ItemRow.ColumnsOf("i")}, m.json
            FROM strategylayer.items i LEFT JOIN strategylayer.mappings m ON m.uid = i.uid AND m.uid > @last
            WHERE i.uid > @last ORDER BY i.uid LIMIT {StreamChunk}
            """;
        var chunk = new List<MappedItem>(StreamChunk);
        var rows = 0;
        var last = after;
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("last", after);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows++;
            last = reader.GetString(0);
            if (ItemRow.Read(reader, 1) is { } item)
            {
                var mapping = reader.IsDBNull(6) ? null : System.Text.Json.JsonSerializer.Deserialize(reader.GetFieldValue<byte[]>(6), StoreJson.Mapping);
                chunk.Add(new MappedItem(item, mapping));
            }
        }

        return new ReadAheadChunk<MappedItem, string>(chunk, rows < StreamChunk ? null : last);
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
