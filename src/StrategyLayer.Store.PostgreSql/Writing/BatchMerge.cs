using Npgsql;
using NpgsqlTypes;

namespace StrategyLayer.Store.PostgreSql.Writing;

/// <summary>
/// Writes one batch in one transaction: the rows of items already stored by binary COPY into a
/// temporary staging table, then one statement that merges them into <c>items</c> (recording a key
/// an item moved away from as an alias) and their raw records into <c>raw</c>; the rows of new items
/// by binary COPY straight into <c>items</c> and <c>raw</c>; the link history of the items written;
/// the replaced-text marks and the quarantined records; and the partition's cursor. All of it commits, or none. Deciding what to write (the hash comparison) is
/// the caller's, and so is telling new items from stored ones: the sync holds its source's lock and
/// every stored state, so a row it calls new cannot exist (if it did, the batch would fail whole on
/// the primary key rather than overwrite). A stored item's row older than the stored copy is
/// skipped by the merge too (a second guard).
/// </summary>
internal static class BatchMerge
{
    private const string CreateStage = """
        CREATE TEMP TABLE IF NOT EXISTS sl_stage (
            uid       text COLLATE "C" NOT NULL,
            partition text,
            key       text NOT NULL,
            team      text,
            updated   timestamptz NOT NULL,
            hash      bigint NOT NULL,
            json      bytea NOT NULL,
            packed    bytea NOT NULL
        ) ON COMMIT DELETE ROWS
        """;

    private const string Copy = "COPY sl_stage (uid, partition, key, team, updated, hash, json, packed) FROM STDIN (FORMAT BINARY)";

    // The data-modifying parts all see the items as they were before the statement: the alias is
    // the key the stored copy had, previous_keys is computed from the stored row, and "before"
    // tells new items and un-removed ones apart for the per-source counts.
    private const string Merge = """
        WITH before AS (
            SELECT i.uid, i.removed_reason IS NOT NULL AS was_removed
            FROM sl_stage s JOIN strategylayer.items i ON i.uid = s.uid
        ), moved AS (
            INSERT INTO strategylayer.key_aliases AS a (alias, bare_key, uid)
            SELECT lower(i.source || ':' || i.key), lower(i.key), i.uid
            FROM sl_stage s JOIN strategylayer.items i ON i.uid = s.uid
            WHERE i.key <> s.key AND i.updated <= s.updated
            ON CONFLICT (alias) DO UPDATE SET uid = excluded.uid, bare_key = excluded.bare_key
        ), written AS (
            INSERT INTO strategylayer.items AS i (uid, source, partition, key, team, updated, hash, json)
            SELECT s.uid, @source, s.partition, s.key, s.team, s.updated, s.hash, s.json FROM sl_stage s
            ON CONFLICT (uid) DO UPDATE SET
                partition = excluded.partition,
                key = excluded.key,
                team = excluded.team,
                updated = excluded.updated,
                hash = excluded.hash,
                json = excluded.json,
                removed_reason = NULL,
                removed_at = NULL,
                removed_offset = NULL,
                previous_keys = array_remove(
                    CASE WHEN i.key <> excluded.key AND NOT (i.key = ANY (i.previous_keys)) THEN i.previous_keys || i.key ELSE i.previous_keys END,
                    excluded.key)
            WHERE i.updated <= excluded.updated
            RETURNING i.uid
        ), raw AS (
            INSERT INTO strategylayer.raw AS r (uid, packed)
            SELECT s.uid, s.packed FROM sl_stage s JOIN written w ON w.uid = s.uid
            ON CONFLICT (uid) DO UPDATE SET packed = excluded.packed
        ), counted AS (
            SELECT count(*) AS written,
                   count(*) FILTER (WHERE b.uid IS NULL) AS added,
                   count(*) FILTER (WHERE b.was_removed) AS unremoved
            FROM written w LEFT JOIN before b ON b.uid = w.uid
        ), counts AS (
            INSERT INTO strategylayer.source_counts AS c (source, items, removed)
            SELECT @source, added, -unremoved FROM counted
            ON CONFLICT (source) DO UPDATE SET items = c.items + excluded.items, removed = c.removed + excluded.removed
        )
        SELECT written FROM counted
        """;

    private const string Cursor = """
        INSERT INTO strategylayer.cursors (source, partition, value, at) VALUES (@source, @partition, @value, @at)
        ON CONFLICT (source, partition) DO UPDATE SET value = excluded.value, at = excluded.at
        """;

    private const string CopyItems = "COPY strategylayer.items (uid, source, partition, key, team, updated, hash, json) FROM STDIN (FORMAT BINARY)";

    private const string CopyRaw = "COPY strategylayer.raw (uid, packed) FROM STDIN (FORMAT BINARY)";

    private const string CountNew = """
        INSERT INTO strategylayer.source_counts AS c (source, items, removed) VALUES (@source, @added, 0)
        ON CONFLICT (source) DO UPDATE SET items = c.items + excluded.items
        """;

    /// <summary>Commits the batch; returns the item rows written (a stale one is not).</summary>
    public static async Task<int> CommitAsync(
        NpgsqlConnection connection,
        string source,
        string partition,
        IReadOnlyCollection<StagedItem> items,
        IReadOnlyCollection<StagedItem> newItems,
        IReadOnlyList<StagedQuarantine> quarantined,
        IReadOnlyCollection<StagedReplacement> replaced,
        StagedLinks links,
        string? cursor,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var written = 0;
        if (items.Count > 0)
        {
            await using (var create = new NpgsqlCommand(CreateStage, connection, transaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await CopyAsync(connection, items, cancellationToken).ConfigureAwait(false);
            await using var merge = new NpgsqlCommand(Merge, connection, transaction);
            merge.Parameters.AddWithValue("source", source);
            written = Convert.ToInt32(await merge.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (newItems.Count > 0)
        {
            await CopyNewAsync(connection, source, newItems, cancellationToken).ConfigureAwait(false);
            await using var count = new NpgsqlCommand(CountNew, connection, transaction);
            count.Parameters.AddWithValue("source", source);
            count.Parameters.AddWithValue("added", newItems.Count);
            await count.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            written += newItems.Count;
        }

        if (!links.IsEmpty)
        {
            await LinkHistoryWrites.RecordAsync(connection, transaction, links, cancellationToken).ConfigureAwait(false);
        }

        // Stored with replaced text first (which takes the record out of the quarantine), then what
        // is quarantined now, as the records came.
        if (replaced.Count > 0)
        {
            await DataQualityWrites.MarkReplacedAsync(connection, transaction, source, partition, replaced, now, cancellationToken).ConfigureAwait(false);
        }

        if (quarantined.Count > 0)
        {
            await DataQualityWrites.QuarantineAsync(connection, transaction, quarantined, now, cancellationToken).ConfigureAwait(false);
        }

        if (cursor is not null)
        {
            await using var write = new NpgsqlCommand(Cursor, connection, transaction);
            write.Parameters.AddWithValue("source", source);
            write.Parameters.AddWithValue("partition", partition);
            write.Parameters.AddWithValue("value", cursor);
            write.Parameters.AddWithValue("at", now.ToUniversalTime());
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyCollection<StagedItem> items, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(Copy, cancellationToken).ConfigureAwait(false);
        foreach (var item in items)
        {
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(item.Uid, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(importer, item.Partition, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(item.Key, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(importer, item.Team, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(item.Updated.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(item.Hash, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(item.Json, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(item.PackedRaw, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task CopyNewAsync(NpgsqlConnection connection, string source, IReadOnlyCollection<StagedItem> items, CancellationToken cancellationToken)
    {
        await using (var importer = await connection.BeginBinaryImportAsync(CopyItems, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in items)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(item.Uid, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(source, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(importer, item.Partition, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(item.Key, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(importer, item.Team, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(item.Updated.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(item.Hash, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(item.Json, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(CopyRaw, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in items)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(item.Uid, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(item.PackedRaw, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
}
