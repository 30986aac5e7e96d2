using StrategyLayer.Connectors.Contract;
using ILogger = Serilog.ILogger;

namespace StrategyLayer.Application;

/// <summary>Builds the connector for a configured source (the host knows which connector types it ships).</summary>
public delegate IWorkSource WorkSourceFactory(SourceSettings settings, ILogger log, TimeProvider time);
