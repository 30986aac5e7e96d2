using Microsoft.Extensions.Logging;
using StrategyLayer.Configuration;
using StrategyLayer.Store;

namespace StrategyLayer.Application;

/// <summary>
/// What the use cases run in, given by the host that composes them (the CLI's session): the config
/// (read on first use), the store (opened on first use), the one clock, the log, this process's
/// node and where progress is drawn.
/// </summary>
public interface IRunContext
{
    /// <summary>The config, loaded on first use (a bad one throws <c>DiagnosticsException</c>, exit 2).</summary>
    Task<AppConfig> ConfigAsync(CancellationToken cancellationToken);

    /// <summary>The store's full path or a server's URI: packs of a scheduled run go beside a store file. Read once the config is loaded.</summary>
    string StorePath { get; }

    TimeProvider Time { get; }

    /// <summary>The loggers of the stages and use cases (the host decides where they write).</summary>
    ILoggerFactory Logs { get; }

    /// <summary>This process among those sharing the store: run records carry it.</summary>
    string Node { get; }

    /// <summary>Where progress rows are drawn (nowhere, for a silent host).</summary>
    IStageProgress Progress { get; }

    Task<IStrategyStore> StoreAsync(CancellationToken cancellationToken);
}
