using Npgsql;
using NpgsqlTypes;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Store.PostgreSql.Writing;

/// <summary>
/// The link history (<c>strategylayer.link_history</c>), written in the commit that writes the items:
/// a link keeps its first sighting while the item carries it and is forgotten when a newer copy no
/// longer does. Only written items cost anything: a new item with no dependency sends nothing.
/// </summary>
internal static class LinkHistoryWrites
{
    private const string Record = """
        WITH input AS (
            SELECT * FROM unnest(@uids, @targets, @seen) AS t(uid, target, seen)
        ), gone AS (
            DELETE FROM strategylayer.link_history h
            WHERE h.uid = ANY(@rewritten)
              AND NOT EXISTS (SELECT 1 FROM input WHERE input.uid COLLATE "C" = h.uid AND lower(input.target) = lower(h.target_key))
        )
        INSERT INTO strategylayer.link_history (uid, target_key, first_seen)
        SELECT uid, target, seen FROM input
        ON CONFLICT (uid, lower(target_key)) DO NOTHING
        """;

    // Sightings from another store (a copy): the earlier first sighting wins; one input row per link.
    private const string Import = """
        WITH input AS (
            SELECT DISTINCT ON (uid, lower(target)) uid, target, seen
            FROM unnest(@uids, @targets, @seen) AS t(uid, target, seen)
            ORDER BY uid, lower(target), seen
        )
        INSERT INTO strategylayer.link_history AS h (uid, target_key, first_seen)
        SELECT uid, target, seen FROM input
        ON CONFLICT (uid, lower(target_key)) DO UPDATE SET first_seen = excluded.first_seen
        WHERE excluded.first_seen < h.first_seen
        """;

    /// <summary>
    /// The links of the items about to be written. A new sighting is dated the earlier of now and the
    /// item's update: the link was there when the item was last updated, and maybe long before.
    /// </summary>
    public static StagedLinks Stage(IEnumerable<WorkItem> written, IEnumerable<string> rewritten, DateTimeOffset now)
    {
        List<string> uids = [], targets = [];
        List<DateTimeOffset> seen = [];
        foreach (var item in written)
        {
            var sighted = (item.Updated < now ? item.Updated : now).ToUniversalTime();
            var mine = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var link in item.Links ?? [])
            {
                if (link.IsBlockedBy && !string.IsNullOrWhiteSpace(link.TargetKey) && mine.Add(link.TargetKey))
                {
                    uids.Add(item.Uid);
                    targets.Add(link.TargetKey);
                    seen.Add(sighted);
                }
            }
        }

        return new StagedLinks([.. uids], [.. targets], [.. seen], [.. rewritten]);
    }

    public static async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StagedLinks links, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Record, connection, transaction);
        command.Parameters.AddWithValue("uids", NpgsqlDbType.Array | NpgsqlDbType.Text, links.Uids);
        command.Parameters.AddWithValue("targets", NpgsqlDbType.Array | NpgsqlDbType.Text, links.Targets);
        command.Parameters.AddWithValue("seen", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, links.Seen);
        command.Parameters.AddWithValue("rewritten", NpgsqlDbType.Array | NpgsqlDbType.Text, links.Rewritten);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds sightings, or moves stored ones earlier, in one statement over arrays (any number of rows); returns how many rows changed.</summary>
    public static async Task<int> ImportAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<LinkSighting> sightings, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Import, connection, transaction);
        command.Parameters.AddWithValue("uids", NpgsqlDbType.Array | NpgsqlDbType.Text, sightings.Select(s => s.Uid).ToArray());
        command.Parameters.AddWithValue("targets", NpgsqlDbType.Array | NpgsqlDbType.Text, sightings.Select(s => s.TargetKey).ToArray());
        command.Parameters.AddWithValue("seen", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, sightings.Select(s => s.FirstSeen.ToUniversalTime()).ToArray());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
