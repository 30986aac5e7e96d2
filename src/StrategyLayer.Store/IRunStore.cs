using StrategyLayer.Domain.Runs;

namespace StrategyLayer.Store;

/// <summary>Role: recording runs and keeping the outbox (every job, distribution).</summary>
public interface IRunStore : IRunReader
{
    /// <summary>Saves a run record, replacing the one with the same id (a run is saved when it starts and when it ends).</summary>
    Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken);

    /// <summary>Saves a delivery, replacing the one with the same id.</summary>
    Task SaveDeliveryAsync(Delivery delivery, CancellationToken cancellationToken);
}
