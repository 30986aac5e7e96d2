using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Connectors.Contract;

/// <summary>
/// One configured source as its connector reads it (the connector's defaults filled in), secrets
/// already resolved from the environment. Connector-specific keys stay in <see cref="SourceDescription.Options"/>.
/// </summary>
public sealed record SourceSettings : SourceDescription
{
    /// <summary>Resolutions that make a done item cancelled (Won't Do, Duplicate, …).</summary>
    public IReadOnlyList<string> NotDoneResolutions { get; init; } = ["Won't Do", "Won't Fix", "Duplicate", "Cannot Reproduce", "Declined"];

    /// <summary>How far before the cursor an incremental sync starts again.</summary>
    public TimeSpan Overlap { get; init; } = TimeSpan.FromMinutes(10);

    public int PageSize { get; init; } = 100;

    public ResilienceSettings Resilience { get; init; } = ResilienceSettings.Default;
}
