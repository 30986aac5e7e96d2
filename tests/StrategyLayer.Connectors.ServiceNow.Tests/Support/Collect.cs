using StrategyLayer.Connectors.Contract;

namespace StrategyLayer.Connectors.ServiceNow.Tests.Support;

public static class Collect
{
    public static async Task<List<SourcePage>> PagesAsync(IWorkSource source, string table, SyncCursor? cursor = null)
    {
        var pages = new List<SourcePage>();
        await foreach (var page in source.ReadChangesAsync(table, cursor, CancellationToken.None))
        {
            pages.Add(page);
        }

        return pages;
    }

    public static async Task<List<T>> AllAsync<T>(IAsyncEnumerable<IReadOnlyList<T>> batches)
    {
        var all = new List<T>();
        await foreach (var batch in batches)
        {
            all.AddRange(batch);
        }

        return all;
    }

    public static async Task<List<string>> DeletedAsync(IAsyncEnumerable<DeletionBatch> batches)
    {
        var all = new List<string>();
        await foreach (var batch in batches)
        {
            all.AddRange(batch.SourceIds);
        }

        return all;
    }
}
