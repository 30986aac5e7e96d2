using StrategyLayer.Configuration;
using StrategyLayer.Store;
using ILogger = Serilog.ILogger;

namespace StrategyLayer.Application;

/// <summary>
/// What the use cases run in, given by the host that composes them (the CLI's session): the config
/// (read on first use), the store (opened on first use), the one clock, the log, this process's
/// node and where progress is drawn.
/// </summary>
public interface IRunContext
{
    AppConfig Config { get; }

    /// <summary>The store's full path or a server's URI: packs of a scheduled run go beside a store file.</summary>
    string StorePath { get; }

    TimeProvider Time { get; }

    ILogger Log { get; }

    /// <summary>This process among those sharing the store: run records carry it.</summary>
    string Node { get; }

    /// <summary>Where progress rows are drawn (nowhere, for a silent host).</summary>
    IStageProgress Progress { get; }

    Task<IStrategyStore> StoreAsync(CancellationToken cancellationToken);
}
