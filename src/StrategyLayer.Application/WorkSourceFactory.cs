using Microsoft.Extensions.Logging;
using StrategyLayer.Configuration;
using StrategyLayer.Connectors.Contract;

namespace StrategyLayer.Application;

/// <summary>Builds the connector for a configured source (the host knows which connector types it ships).</summary>
public delegate IWorkSource WorkSourceFactory(SourceConfig source, ILoggerFactory logs, TimeProvider time);
