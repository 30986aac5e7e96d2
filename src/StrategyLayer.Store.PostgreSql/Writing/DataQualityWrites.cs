using Npgsql;
using NpgsqlTypes;

namespace StrategyLayer.Store.PostgreSql.Writing;

/// <summary>
/// What data quality keeps about a source's records, written inside a commit's transaction: the
/// quarantine (records not stored) and the replaced-text marks (items stored with U+FFFD), and the
/// reads and clearing a sync does on them.
/// </summary>
internal static class DataQualityWrites
{
    private const string Quarantine = """
        INSERT INTO strategylayer.quarantine AS q (id, source, partition, key, source_id, reason, packed, at, page, since)
        VALUES (@id, @source, @partition, @key, @sid, @reason, @packed, @at, @page, @at)
        ON CONFLICT (id) DO UPDATE SET partition = excluded.partition, key = excluded.key, source_id = excluded.source_id,
            reason = excluded.reason, packed = excluded.packed, at = excluded.at, page = coalesce(excluded.page, q.page)
        """;

    private const string Replaced = """
        INSERT INTO strategylayer.replaced_text AS r (uid, source, partition, key, source_id, fields, problems, pages, at, since)
        VALUES (@uid, @source, @partition, @key, @sid, @fields, @problems, @pages, @at, @at)
        ON CONFLICT (uid) DO UPDATE SET partition = excluded.partition, key = excluded.key, source_id = excluded.source_id,
            fields = excluded.fields, problems = excluded.problems, pages = excluded.pages, at = excluded.at
        """;

    /// <summary>The quarantine entry's id: source|partition|identity.</summary>
    public static string QuarantineId(string source, string? partition, string identity) => source + "|" + (partition ?? "") + "|" + identity;

    /// <summary>
    /// Marks items stored with replaced text, keeping when each was first so and, for a field that came
    /// from a read by id, the page it came on before; their quarantine entries go (they are stored now).
    /// </summary>
    public static async Task MarkReplacedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string source, string partition, IReadOnlyCollection<StagedReplacement> marks, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var earlierPages = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand("SELECT uid, fields, pages FROM strategylayer.replaced_text WHERE uid = ANY(@uids)", connection, transaction))
        {
            read.Parameters.AddWithValue("uids", marks.Select(m => m.Uid).ToArray());
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var fields = reader.GetFieldValue<string[]>(1);
                var pages = reader.GetFieldValue<int?[]>(2);
                var known = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < fields.Length && i < pages.Length; i++)
                {
                    if (pages[i] is { } page)
                    {
                        known[fields[i]] = page;
                    }
                }

                earlierPages[reader.GetString(0)] = known;
            }
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        var unquarantine = new NpgsqlBatchCommand("DELETE FROM strategylayer.quarantine WHERE id = ANY(@ids)");
        unquarantine.Parameters.AddWithValue("ids", marks.SelectMany(m => new[] { QuarantineId(source, partition, m.SourceId), QuarantineId(source, partition, m.Key) }).Distinct(StringComparer.Ordinal).ToArray());
        batch.BatchCommands.Add(unquarantine);
        foreach (var mark in marks)
        {
            var known = earlierPages.GetValueOrDefault(mark.Uid);
            var command = new NpgsqlBatchCommand(Replaced);
            command.Parameters.AddWithValue("uid", mark.Uid);
            command.Parameters.AddWithValue("source", source);
            command.Parameters.AddWithValue("partition", partition);
            command.Parameters.AddWithValue("key", mark.Key);
            command.Parameters.AddWithValue("sid", mark.SourceId);
            command.Parameters.AddWithValue("fields", mark.Fields.Select(f => f.Field).ToArray());
            command.Parameters.AddWithValue("problems", mark.Fields.Select(f => f.Problem).ToArray());
            command.Parameters.AddWithValue("pages", NpgsqlDbType.Array | NpgsqlDbType.Integer, mark.Fields.Select(f => f.Page ?? (known is not null && known.TryGetValue(f.Field, out var was) ? was : (int?)null)).ToArray());
            command.Parameters.AddWithValue("at", now.ToUniversalTime());
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces each record's quarantine entry (keeping since when, and a page a read by id does not bring).</summary>
    public static async Task QuarantineAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StagedQuarantine> quarantined, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var q in quarantined)
        {
            var command = new NpgsqlBatchCommand(Quarantine);
            command.Parameters.AddWithValue("id", q.Id);
            command.Parameters.AddWithValue("source", q.Source);
            command.Parameters.AddWithValue("partition", NpgsqlDbType.Text, (object?)q.Partition ?? DBNull.Value);
            command.Parameters.AddWithValue("key", NpgsqlDbType.Text, (object?)q.Key ?? DBNull.Value);
            command.Parameters.AddWithValue("sid", NpgsqlDbType.Text, (object?)q.SourceId ?? DBNull.Value);
            command.Parameters.AddWithValue("reason", q.Reason);
            command.Parameters.AddWithValue("packed", q.PackedRaw);
            command.Parameters.AddWithValue("page", NpgsqlDbType.Integer, (object?)q.Page ?? DBNull.Value);
            command.Parameters.AddWithValue("at", now.ToUniversalTime());
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ids a partition's quarantine and replaced-text marks hold: what a sync reads again by id.</summary>
    public static async Task<IReadOnlyList<string>> FlaggedIdsAsync(NpgsqlConnection connection, string source, string partition, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT coalesce(source_id, key) FROM strategylayer.quarantine
            WHERE source = @source AND coalesce(partition, '') = @partition AND coalesce(source_id, key) IS NOT NULL
            UNION
            SELECT source_id FROM strategylayer.replaced_text WHERE source = @source AND partition = @partition
            """,
            connection);
        command.Parameters.AddWithValue("source", source);
        command.Parameters.AddWithValue("partition", partition);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Forgets the quarantine entries and replaced-text marks of these ids (source ids or keys); returns how many, in one transaction.</summary>
    public static async Task<int> ClearAsync(NpgsqlConnection connection, string source, string partition, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToArray();
        await using var command = new NpgsqlCommand(
            """
            WITH q AS (
                DELETE FROM strategylayer.quarantine WHERE id = ANY(@qids) RETURNING 1
            ), r AS (
                DELETE FROM strategylayer.replaced_text WHERE uid = ANY(@uids) RETURNING 1
            )
            SELECT (SELECT count(*) FROM q) + (SELECT count(*) FROM r)
            """,
            connection);
        command.Parameters.AddWithValue("qids", distinct.Select(id => QuarantineId(source, partition, id)).ToArray());
        command.Parameters.AddWithValue("uids", distinct.Select(id => Domain.Items.ItemId.Uid(source, id)).ToArray());
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }
}
