using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StrategyLayer.Configuration;
using StrategyLayer.Store;
using StrategyLayer.Store.LiteDb;

namespace StrategyLayer.Application.Tests.Support;

/// <summary>What a host gives the use cases, for a test: a config, a real LiteDB file opened on first use, the system's clock.</summary>
internal sealed class TestRunContext(AppConfig config, string storePath) : IRunContext, IDisposable
{
    private LiteStrategyStore? store;

    public Task<AppConfig> ConfigAsync(CancellationToken cancellationToken) => Task.FromResult(config);

    public string StorePath => storePath;

    public TimeProvider Time => TimeProvider.System;

    public ILoggerFactory Logs => NullLoggerFactory.Instance;

    public string Node => "test-node";

    public SilentProgress Rows { get; } = new();

    public IStageProgress Progress => Rows;

    public Task<IStrategyStore> StoreAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IStrategyStore>(store ??= LiteStrategyStore.Open(storePath, new LiteStoreOptions { TimeProvider = Time }));

    public void Dispose() => store?.Dispose();
}
