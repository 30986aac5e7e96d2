using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.Documents;
using StrategyLayer.Store.PostgreSql.Writing;

namespace StrategyLayer.Store.PostgreSql.Syncing;

/// <summary>
/// One source being synced into PostgreSQL, on a connection of its own that holds the source's
/// advisory lock until disposed. The stored items' hashes and updated times are read once, on a
/// pooled connection of their own while the first pages are fetched (at 300k items the read takes
/// longer than an incremental sync's fetching); each commit waits for them, compares incoming items
/// with them (an unchanged item costs no write, and a re-read that changes nothing sends nothing to
/// the server), then writes what changed with <see cref="BatchMerge"/>. The lock is taken before
/// the read begins, so no other sync of the source writes while it runs.
/// </summary>
internal sealed class PostgreSqlSourceSync : ISourceSync
{
    private readonly NpgsqlConnection _connection;
    private readonly Task<ConcurrentDictionary<string, (long Hash, DateTimeOffset Updated)>> _loading;
    private readonly TimeProvider _time;
    private readonly Action<int> _countWrites;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _low;
    private readonly string _high;

    private PostgreSqlSourceSync(string source, int batchSize, NpgsqlConnection connection, Task<ConcurrentDictionary<string, (long, DateTimeOffset)>> loading, TimeProvider time, Action<int> countWrites)
    {
        Source = source;
        BatchSize = batchSize;
        _connection = connection;
        _loading = loading;
        _time = time;
        _countWrites = countWrites;
        _low = source + "/";
        _high = source + "0";
    }

    public string Source { get; }

    public int BatchSize { get; }

    /// <summary>
    /// Takes the source's lock (waiting, and saying so, while another process holds it), then starts
    /// reading the stored states on a connection of <paramref name="connect"/>'s.
    /// </summary>
    public static async Task<PostgreSqlSourceSync> BeginAsync(string source, NpgsqlConnection connection, Func<CancellationToken, Task<NpgsqlConnection>> connect, PostgreSqlStoreOptions options, Action<int> countWrites, CancellationToken cancellationToken)
    {
        await SourceLock.AcquireAsync(connection, source, options.Waiting, cancellationToken).ConfigureAwait(false);
        return new PostgreSqlSourceSync(source, options.BatchSize, connection, Task.Run(() => LoadStatesAsync(source, connect, cancellationToken), CancellationToken.None), options.TimeProvider, countWrites);
    }

    private static async Task<ConcurrentDictionary<string, (long, DateTimeOffset)>> LoadStatesAsync(string source, Func<CancellationToken, Task<NpgsqlConnection>> connect, CancellationToken cancellationToken)
    {
        var states = new ConcurrentDictionary<string, (long, DateTimeOffset)>(StringComparer.Ordinal);
        await using var connection = await connect(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT uid, hash, updated FROM strategylayer.items WHERE uid >= @low AND uid < @high", connection);
        command.Parameters.AddWithValue("low", source + "/");
        command.Parameters.AddWithValue("high", source + "0");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            states[reader.GetString(0)] = (reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2));
        }

        return states;
    }

    /// <inheritdoc />
    public PreparedBatch Prepare(IReadOnlyList<SourceRecord> records, IReadOnlyList<QuarantinedRecord> quarantined)
    {
        // Only a guess (what to compress ahead): while the states are still being read, every record is.
        var states = _loading.IsCompletedSuccessfully ? _loading.Result : null;
        var items = new List<PreparedItem>(records.Count);
        foreach (var record in records)
        {
            var document = ItemDocument.Of(record.Item);
            var expectWrite = states is null || !states.TryGetValue(record.Item.Uid, out var state) || state.Hash != document.Hash;
            items.Add(expectWrite ? new PreparedItem(document, RawCompression.Pack(record.RawUtf8.Span), default, record.Replaced) : new PreparedItem(document, null, record.RawUtf8, record.Replaced));
        }

        var rows = quarantined.Select(q => new StagedQuarantine(
            DataQualityWrites.QuarantineId(q.Source, q.Partition, q.SourceId ?? q.Key ?? ContentHash.Of(System.Text.Encoding.UTF8.GetBytes(q.RawJson)).ToString("x16", CultureInfo.InvariantCulture)),
            q.Source,
            q.Partition,
            q.Key,
            q.SourceId,
            q.Reason,
            RawCompression.Pack(q.RawJson),
            q.Page)).ToList();
        return new PostgreSqlPreparedBatch(Source, items, rows);
    }

    /// <inheritdoc />
    public async Task<PageCommit> CommitAsync(string partition, PreparedBatch batch, string? cursor, CursorWrite cursorWrite, CancellationToken cancellationToken)
    {
        if (batch is not PostgreSqlPreparedBatch prepared || !string.Equals(prepared.Source, Source, StringComparison.Ordinal))
        {
            throw new ArgumentException("the batch was not prepared by this sync", nameof(batch));
        }

        foreach (var item in prepared.Items)
        {
            if (!string.Equals(item.Document.Item.Source, Source, StringComparison.Ordinal))
            {
                throw new StrategyLayerException($"item {item.Document.Item.Id} came with source '{item.Document.Item.Source}' in a page of '{Source}'", ErrorKind.Runtime, item.Document.Item.Id);
            }
        }

        var states = await _loading.ConfigureAwait(false);

        // Decided here, against what is stored (and what earlier records of this batch did): a
        // record is unchanged (same hash), stale (older than the stored copy) or written; of one uid
        // written twice, the later row is the one staged.
        int unchanged = 0, stale = 0, upserted = 0;
        var local = new Dictionary<string, (long Hash, DateTimeOffset Updated)>(StringComparer.Ordinal);
        var staged = new SortedDictionary<string, StagedItem>(StringComparer.Ordinal);
        var fresh = new SortedDictionary<string, StagedItem>(StringComparer.Ordinal);
        var items = new Dictionary<string, WorkItem>(StringComparer.Ordinal);
        var replaced = new Dictionary<string, StagedReplacement>(StringComparer.Ordinal);
        foreach (var item in prepared.Items)
        {
            var document = item.Document;
            var uid = document.Item.Uid;
            (long Hash, DateTimeOffset Updated)? before = local.TryGetValue(uid, out var l) ? l : states.TryGetValue(uid, out var s) ? s : null;
            if (before is { } same && same.Hash == document.Hash)
            {
                MarkReplaced(replaced, item);
                unchanged++;
                continue;
            }

            if (before is { } older && document.Item.Updated < older.Updated)
            {
                stale++;
                continue;
            }

            local[uid] = (document.Hash, document.Item.Updated);
            items[uid] = document.Item;
            MarkReplaced(replaced, item);
            (states.ContainsKey(uid) ? staged : fresh)[uid] = new StagedItem(
                uid,
                partition,
                document.Item.Key,
                document.Item.Team?.ToLowerInvariant(),
                document.Item.Updated,
                document.Hash,
                document.Json,
                item.PackedRaw ?? RawCompression.Pack(item.RawUtf8.Span));
            upserted++;
        }

        var skipCursor = cursorWrite == CursorWrite.WhenChanged && upserted == 0 && prepared.QuarantinedRows.Count == 0;
        var result = new PageCommit(upserted, unchanged, stale, prepared.QuarantinedRows.Count) { CursorWritten = cursor is not null && !skipCursor };
        if (staged.Count == 0 && fresh.Count == 0 && replaced.Count == 0 && prepared.QuarantinedRows.Count == 0 && (cursor is null || skipCursor))
        {
            // Nothing to write: no round trip at all.
            return result with { CursorWritten = !skipCursor };
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            var links = items.Count == 0 ? StagedLinks.None : LinkHistoryWrites.Stage(items.Values, staged.Keys, now);
            var written = await BatchMerge.CommitAsync(_connection, Source, partition, staged.Values, fresh.Values, prepared.QuarantinedRows, replaced.Values, links, skipCursor ? null : cursor, now, cancellationToken).ConfigureAwait(false);
            _countWrites(written * 2);
        }
        finally
        {
            _gate.Release();
        }

        foreach (var (uid, state) in local)
        {
            states[uid] = state;
        }

        return result with { CursorWritten = !skipCursor };
    }

    /// <inheritdoc />
    public async Task<string?> GetCursorAsync(string partition, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand("SELECT value FROM strategylayer.cursors WHERE source = @source AND partition = @partition", _connection);
            command.Parameters.AddWithValue("source", Source);
            command.Parameters.AddWithValue("partition", partition);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScopeKey>> ItemKeysAsync(string? partition, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand(
                "SELECT uid, key, partition FROM strategylayer.items WHERE uid >= @low AND uid < @high AND removed_reason IS NULL" + (partition is null ? "" : " AND partition = @partition"),
                _connection);
            command.Parameters.AddWithValue("low", _low);
            command.Parameters.AddWithValue("high", _high);
            if (partition is not null)
            {
                command.Parameters.AddWithValue("partition", partition);
            }

            var keys = new List<ScopeKey>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var uid = reader.GetString(0);
                keys.Add(new ScopeKey(uid, uid[_low.Length..], reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }

            return keys;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> FlaggedIdsAsync(string partition, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await DataQualityWrites.FlaggedIdsAsync(_connection, Source, partition, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<int> ClearDataQualityAsync(string partition, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return 0;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await DataQualityWrites.ClearAsync(_connection, Source, partition, ids, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>A removed item's stored hash becomes <see cref="ContentHash.MustRewrite"/>: the next sighting upstream rewrites (un-removes) it.</remarks>
    public async Task<int> MarkRemovedAsync(IReadOnlyList<ItemRemoval> removals, CancellationToken cancellationToken)
    {
        if (removals.Count == 0)
        {
            return 0;
        }

        var last = new Dictionary<string, Removal>(StringComparer.Ordinal);
        foreach (var removal in removals)
        {
            last[ItemId.Uid(Source, removal.SourceId)] = removal.Removal;
        }

        var states = await _loading.ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(
                """
                WITH input AS (
                    SELECT * FROM unnest(@uids, @reasons, @ats, @offsets) AS t(uid, reason, at, off)
                ), old AS (
                    SELECT i.uid, i.removed_reason FROM strategylayer.items i JOIN input ON input.uid = i.uid
                ), changed AS (
                    UPDATE strategylayer.items i
                    SET removed_reason = input.reason, removed_at = input.at, removed_offset = input.off, hash = 0
                    FROM input
                    WHERE i.uid = input.uid COLLATE "C" AND i.removed_reason IS DISTINCT FROM input.reason
                    RETURNING i.uid
                ), counted AS (
                    SELECT count(*) AS changed, count(*) FILTER (WHERE old.removed_reason IS NULL) AS newly
                    FROM changed JOIN old ON old.uid = changed.uid
                ), counts AS (
                    INSERT INTO strategylayer.source_counts AS c (source, items, removed)
                    SELECT @source, 0, newly FROM counted
                    ON CONFLICT (source) DO UPDATE SET removed = c.removed + excluded.removed
                )
                SELECT changed, array(SELECT uid FROM changed) FROM counted
                """,
                _connection,
                transaction);
            command.Parameters.AddWithValue("uids", last.Keys.ToArray());
            command.Parameters.AddWithValue("reasons", last.Values.Select(r => StoreJson.EnumName(r.Reason)).ToArray());
            command.Parameters.AddWithValue("ats", last.Values.Select(r => r.DetectedAt.ToUniversalTime()).ToArray());
            command.Parameters.AddWithValue("offsets", last.Values.Select(r => (short)r.DetectedAt.Offset.TotalMinutes).ToArray());
            command.Parameters.AddWithValue("source", Source);
            int changed;
            string[] uids;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                changed = Convert.ToInt32(reader.GetInt64(0));
                uids = reader.GetFieldValue<string[]>(1);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            foreach (var uid in uids)
            {
                if (states.TryGetValue(uid, out var state))
                {
                    states[uid] = (ContentHash.MustRewrite, state.Updated);
                }
            }

            return changed;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<int> ImportLinkHistoryAsync(IReadOnlyList<LinkSighting> sightings, CancellationToken cancellationToken)
    {
        // Only items of this source that are stored (the states read at the start, kept by every commit).
        var states = await _loading.ConfigureAwait(false);
        var mine = sightings.Where(s => !string.IsNullOrWhiteSpace(s.TargetKey) && states.ContainsKey(s.Uid) && string.CompareOrdinal(s.Uid, _low) >= 0 && string.CompareOrdinal(s.Uid, _high) < 0).ToList();
        if (mine.Count == 0)
        {
            return 0;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var changed = await LinkHistoryWrites.ImportAsync(_connection, transaction, mine, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return changed;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<int> ImportDatesAsync(IReadOnlyList<QuarantinedRecord> quarantined, IReadOnlyList<ReplacedTextItem> replaced, IReadOnlyList<CursorRecord> cursors, CancellationToken cancellationToken)
    {
        var q = quarantined.Where(r => r.Source == Source && r.Since is not null).ToList();
        var r = replaced.Where(t => t.Source == Source).ToList();
        var c = cursors.Where(k => k.Source == Source && k.LastCommit is not null).ToList();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(
                """
                WITH q AS (
                    UPDATE strategylayer.quarantine t SET since = i.since
                    FROM unnest(@qids, @qsince) AS i(id, since)
                    WHERE t.id = i.id AND i.since < t.since
                    RETURNING 1
                ), r AS (
                    UPDATE strategylayer.replaced_text t SET since = i.since
                    FROM unnest(@uids, @rsince) AS i(uid, since)
                    WHERE t.uid = i.uid COLLATE "C" AND i.since < t.since
                    RETURNING 1
                ), c AS (
                    UPDATE strategylayer.cursors t SET at = i.at
                    FROM unnest(@partitions, @ats) AS i(partition, at)
                    WHERE t.source = @source AND t.partition = i.partition COLLATE "C" AND (t.at IS NULL OR i.at < t.at)
                    RETURNING 1
                )
                SELECT (SELECT count(*) FROM q) + (SELECT count(*) FROM r) + (SELECT count(*) FROM c)
                """,
                _connection,
                transaction);
            command.Parameters.AddWithValue("qids", q.Select(x => DataQualityWrites.QuarantineId(x.Source, x.Partition, x.SourceId ?? x.Key ?? ContentHash.Of(System.Text.Encoding.UTF8.GetBytes(x.RawJson)).ToString("x16", CultureInfo.InvariantCulture))).ToArray());
            command.Parameters.AddWithValue("qsince", q.Select(x => x.Since!.Value.ToUniversalTime()).ToArray());
            command.Parameters.AddWithValue("uids", r.Select(x => ItemId.Uid(Source, x.SourceId)).ToArray());
            command.Parameters.AddWithValue("rsince", r.Select(x => x.Since.ToUniversalTime()).ToArray());
            command.Parameters.AddWithValue("partitions", c.Select(x => x.Partition).ToArray());
            command.Parameters.AddWithValue("ats", c.Select(x => x.LastCommit!.Value.ToUniversalTime()).ToArray());
            command.Parameters.AddWithValue("source", Source);
            var moved = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return moved;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Of one uid marked twice in a batch, the later record's fields are the ones kept.</summary>
    private static void MarkReplaced(Dictionary<string, StagedReplacement> replaced, PreparedItem item)
    {
        var work = item.Document.Item;
        if (item.Replaced.Count > 0)
        {
            replaced[work.Uid] = new StagedReplacement(work.Uid, work.Key, work.SourceId, item.Replaced);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The states' read ends first (its outcome is not wanted now): it must not outlive the store.
        try
        {
            await _loading.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Whoever needed the states has been told already; the lock is released all the same.
        }

        // The connection goes back to the pool: its session (and so the lock) outlives it there, so
        // the lock is released by name. A process that dies releases it with its session.
        try
        {
            if (_connection.State == System.Data.ConnectionState.Open)
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
                unlock.Parameters.AddWithValue("key", SourceLock.KeyOf(Source));
                await unlock.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
        catch (NpgsqlException)
        {
            // A broken connection is not returned to the pool: its session, and the lock, end with it.
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _gate.Dispose();
        }
    }
}
