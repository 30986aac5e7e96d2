using Microsoft.Extensions.Logging;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Mapping;
using StrategyLayer.Store;

namespace StrategyLayer.Application;

/// <summary>The reads of <c>status</c>, <c>items</c> and <c>explain</c> (in this process, or for another one through a holder).</summary>
public sealed class ReadQueries(IRunContext context, ConfiguredStrategy strategy, ReportUseCase reports)
{
    /// <summary>
    /// The store's state, with the untracked share of the current period's report model as of now (the
    /// same figure the packs and the web view show); reading it saves no snapshot.
    /// </summary>
    public async Task<StatusView> StatusAsync(CancellationToken ct)
    {
        var store = await context.StoreAsync(ct).ConfigureAwait(false);
        var builder = await reports.BuilderAsync(ct, await TreeOrNoneAsync(ct).ConfigureAwait(false)).ConfigureAwait(false);
        var report = await builder.ReportAsync(builder.CurrentPeriod(), ct).ConfigureAwait(false);
        var config = await context.ConfigAsync(ct).ConfigureAwait(false);
        return await StatusView.DescribeAsync(store, config.Sources.Select(s => s.Name), context.Time.GetUtcNow(), report.Coverage.UntrackedShare, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The stored items the filter lets through, streamed. An unknown measure or team is a usage error
    /// naming the known ones, and a query that does not parse fails before any item is read.
    /// </summary>
    public async Task<IAsyncEnumerable<ItemView>> ItemsAsync(ItemFilter filter, CancellationToken ct)
    {
        if (filter.Measure is { } measure)
        {
            KnownNames.RequireMeasure((await strategy.LoadAsync(ct).ConfigureAwait(false)).Tree, measure);
        }

        var store = await context.StoreAsync(ct).ConfigureAwait(false);
        if (filter.Team is { } team)
        {
            await KnownNames.RequireTeamAsync(store, team, ct).ConfigureAwait(false);
        }

        var query = filter.Query is { Length: > 0 } text
            ? new ItemFilterCompiler((await context.ConfigAsync(ct).ConfigureAwait(false)).CustomFields).Compile(text, context.Time.GetUtcNow())
            : null;
        return ItemListing.ListAsync(store, filter, query, ct);
    }

    /// <summary>Why an item maps where it does; an item not stored is a run-time error naming it.</summary>
    public async Task<ExplainView> ExplainAsync(string id, CancellationToken ct)
    {
        var engine = (await strategy.LoadAsync(ct).ConfigureAwait(false)).Engine(context.Time.GetUtcNow());
        return await Explainer.ExplainAsync(await context.StoreAsync(ct).ConfigureAwait(false), engine, id, ct).ConfigureAwait(false)
            ?? throw new StrategyLayerException($"no stored item '{id}': run `strategylayer items` to list them", ErrorKind.Runtime, id);
    }

    // `status` is what one runs when something is wrong: a tree or rules file with problems must not hide
    // what is stored. Coverage comes from the stored mappings alone, so a tree without measures counts the
    // same share (`validate` names the problems).
    private async Task<StrategyTree> TreeOrNoneAsync(CancellationToken ct)
    {
        try
        {
            return (await strategy.LoadAsync(ct).ConfigureAwait(false)).Tree;
        }
        catch (DiagnosticsException e)
        {
            context.Logs.CreateLogger<ReadQueries>().LogWarning("The strategy tree or rules do not load ({Problems} problems; run validate): status counts coverage without measures", e.Diagnostics.Count);
            return new StrategyTree(new Organization { Id = "-", Name = "-" });
        }
    }
}
