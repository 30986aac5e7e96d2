namespace StrategyLayer.Domain.Settings;

/// <summary>Who gets which pack, in which format, through which channels.</summary>
public sealed record AudienceSettings
{
    public required string Name { get; init; }

    /// <summary><c>portfolio-pack</c>, <c>delivery-lead</c>, <c>untracked</c> or a PMO's own template.</summary>
    public required string Template { get; init; }

    /// <summary><c>html</c>, <c>pdf</c> or <c>both</c>.</summary>
    public string Format { get; init; } = "both";

    /// <summary>Only this team's items (delivery-lead packs).</summary>
    public string? Team { get; init; }

    /// <summary>Only this portfolio's part of the tree.</summary>
    public string? Portfolio { get; init; }

    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>Send a short message at once when a measure turns red or a new blocker appears.</summary>
    public bool Exceptions { get; init; }
}
