using LiteDB;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Store.Documents;
using StrategyLayer.Store.LiteDb.Files;

namespace StrategyLayer.Store.LiteDb.Roles;

/// <summary><see cref="IRunStore"/> on the file: run records by start time, deliveries by state.</summary>
internal sealed class LiteRuns(LiteFile file) : IRunStore
{
    public Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        file.Write(() => file.Runs.Upsert(new BsonDocument
        {
            [Names.Id] = run.Id,
            [Names.Job] = run.Job,
            [Names.Started] = run.Started.UtcTicks,
            [Names.Json] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(run, StoreJson.Run),
        }));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RunRecord>> RecentRunsAsync(int count, string? job, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        file.ThrowIfDisposed();
        if (count <= 0)
        {
            return Task.FromResult<IReadOnlyList<RunRecord>>([]);
        }

        // Newest first by the started index; a job filter reads on until it has enough.
        var newest = file.Read(() => file.Runs.Query().OrderByDescending(BsonExpression.Create("$." + Names.Started)).ToEnumerable()
            .Where(d => job is null || string.Equals(d[Names.Job].AsString, job, StringComparison.Ordinal))
            .Take(count)
            .ToList());
        return Task.FromResult<IReadOnlyList<RunRecord>>(newest
            .Select(d => System.Text.Json.JsonSerializer.Deserialize(d[Names.Json].AsBinary, StoreJson.Run))
            .OfType<RunRecord>()
            .ToList());
    }

    public Task SaveDeliveryAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        file.Write(() => file.Outbox.Upsert(new BsonDocument
        {
            [Names.Id] = delivery.Id,
            [Names.State] = StoreJson.EnumName(delivery.State),
            ["created"] = delivery.Created.UtcTicks,
            [Names.Json] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(delivery, StoreJson.Delivery),
        }));
        return Task.CompletedTask;
    }

    public Task<Delivery?> GetDeliveryAsync(string id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        file.ThrowIfDisposed();
        var doc = file.Read(() => file.Outbox.FindById(id));
        return Task.FromResult(doc is null ? null : System.Text.Json.JsonSerializer.Deserialize(doc[Names.Json].AsBinary, StoreJson.Delivery));
    }

    public Task<IReadOnlyList<Delivery>> OutboxAsync(DeliveryState? state, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        file.ThrowIfDisposed();
        var docs = file.Read(() => (state is { } s ? file.Outbox.Find(Query.EQ(Names.State, StoreJson.EnumName(s))) : file.Outbox.FindAll()).ToList());
        return Task.FromResult<IReadOnlyList<Delivery>>(docs
            .Select(d => System.Text.Json.JsonSerializer.Deserialize(d[Names.Json].AsBinary, StoreJson.Delivery))
            .OfType<Delivery>()
            .OrderBy(d => d.Created)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList());
    }
}
