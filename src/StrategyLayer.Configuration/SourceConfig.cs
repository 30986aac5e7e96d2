using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Configuration;

/// <summary>
/// One configured source as the config file says it, secrets already resolved from the environment.
/// A value left out is null (or empty) here: the connector of <see cref="SourceDescription.Type"/> supplies its own
/// default when the composition root turns this into the connector's settings.
/// </summary>
public sealed record SourceConfig : SourceDescription
{
    /// <summary>Resolutions that make a done item cancelled; null: the connector's default.</summary>
    public IReadOnlyList<string>? NotDoneResolutions { get; init; }

    /// <summary>How far before the cursor an incremental sync starts again; null: the connector's default.</summary>
    public TimeSpan? Overlap { get; init; }

    /// <summary>Records per request; null: the connector's default.</summary>
    public int? PageSize { get; init; }

    /// <summary>Retries of a failed request; null: the connector's default.</summary>
    public int? MaxRetries { get; init; }
}
