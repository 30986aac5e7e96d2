using StrategyLayer.Connectors.Contract;
using Microsoft.Extensions.Logging;
using StrategyLayer.Configuration;

namespace StrategyLayer.Application;

/// <summary>Builds the connector for a configured source (the host knows which connector types it ships).</summary>
public delegate IWorkSource WorkSourceFactory(SourceConfig source, ILoggerFactory logs, TimeProvider time);
