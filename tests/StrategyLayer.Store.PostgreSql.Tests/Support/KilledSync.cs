using System.Globalization;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.Specification.Support;

namespace StrategyLayer.Store.PostgreSql.Tests.Support;

/// <summary>
/// The child of the durability test: syncs numbered pages of items into a PostgreSQL store, resuming
/// after the stored cursor, and kills itself the moment the commit of page <c>stop</c> returns,
/// having said so on stdout.
/// </summary>
internal static class KilledSync
{
    public const string Source = "jira";

    public static IReadOnlyList<SourceRecord> Page(int page, int size) =>
        Enumerable.Range(page * size, size).Select(i => SpecItems.Record(SpecItems.Jira(i.ToString("D7", CultureInfo.InvariantCulture), "PAY-" + i, SpecItems.T0.AddMinutes(i)))).ToList();

    public static async Task<int> RunAsync(string uri, int pageSize, int stop)
    {
        await using var store = await PostgreSqlStore.OpenAsync(PostgreSqlLocation.Parse(uri), new PostgreSqlStoreOptions { TimeProvider = TimeProvider.System }, CancellationToken.None);
        await using var sync = await store.BeginSyncAsync(Source, CancellationToken.None);
        var cursor = await sync.GetCursorAsync("", CancellationToken.None);
        for (var page = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture) + 1; page <= stop; page++)
        {
            await sync.CommitAsync("", Page(page, pageSize), [], page.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
            if (page == stop)
            {
                Console.Out.WriteLine("committed " + page.ToString(CultureInfo.InvariantCulture));
                Console.Out.Flush();
                SelfKill.Now();
            }
        }

        return 0;
    }
}
