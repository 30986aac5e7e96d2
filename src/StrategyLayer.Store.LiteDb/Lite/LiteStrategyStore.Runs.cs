using LiteDB;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Store.Serialization;

namespace StrategyLayer.Store;

public sealed partial class LiteStrategyStore
{
    /// <inheritdoc />
    public void SaveRun(RunRecord run)
    {
        ThrowIfDisposed();
        _runs.Upsert(new BsonDocument
        {
            [Names.Id] = run.Id,
            [Names.Job] = run.Job,
            [Names.Started] = run.Started.UtcTicks,
            [Names.Json] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(run, StoreJson.Run),
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<RunRecord> RecentRuns(int count, string? job = null)
    {
        ThrowIfDisposed();
        if (count <= 0)
        {
            return [];
        }

        // Newest first by the started index; a job filter reads on until it has enough.
        var docs = _runs.Query().OrderByDescending(BsonExpression.Create("$." + Names.Started)).ToEnumerable();
        if (job is not null)
        {
            docs = docs.Where(d => string.Equals(d[Names.Job].AsString, job, StringComparison.Ordinal));
        }

        return docs.Take(count)
            .Select(d => System.Text.Json.JsonSerializer.Deserialize(d[Names.Json].AsBinary, StoreJson.Run))
            .OfType<RunRecord>()
            .ToList();
    }

    /// <inheritdoc />
    public void SaveDelivery(Delivery delivery)
    {
        ThrowIfDisposed();
        _outbox.Upsert(new BsonDocument
        {
            [Names.Id] = delivery.Id,
            [Names.State] = StoreJson.EnumName(delivery.State),
            ["created"] = delivery.Created.UtcTicks,
            [Names.Json] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(delivery, StoreJson.Delivery),
        });
    }

    /// <inheritdoc />
    public Delivery? GetDelivery(string id)
    {
        ThrowIfDisposed();
        var doc = _outbox.FindById(id);
        return doc is null ? null : System.Text.Json.JsonSerializer.Deserialize(doc[Names.Json].AsBinary, StoreJson.Delivery);
    }

    /// <inheritdoc />
    public IReadOnlyList<Delivery> Outbox(DeliveryState? state = null)
    {
        ThrowIfDisposed();
        var docs = state is { } s ? _outbox.Find(Query.EQ(Names.State, StoreJson.EnumName(s))) : _outbox.FindAll();
        return docs
            .Select(d => System.Text.Json.JsonSerializer.Deserialize(d[Names.Json].AsBinary, StoreJson.Delivery))
            .OfType<Delivery>()
            .OrderBy(d => d.Created)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
    }
}
