namespace StrategyLayer.Reporting;

/// <summary>
/// What a report needs from the configuration besides thresholds: the time zone periods are
/// read in (config <c>timeZone</c>), the web view's base URL (config <c>webBaseUrl</c>), and the
/// configured source names (so a source that never synced still shows in freshness).
/// </summary>
public sealed record ReportEnvironment(TimeZoneInfo TimeZone, string? WebBaseUrl = null, IReadOnlyList<string>? Sources = null)
{
    public static readonly ReportEnvironment Utc = new(TimeZoneInfo.Utc);

    /// <summary>
    /// The sources synced just before this report in the same run, each with its failure (null
    /// when it synced cleanly); null when no sync ran with the report. Freshness reads a source's
    /// failure from here rather than from an earlier run's record.
    /// </summary>
    public IReadOnlyDictionary<string, string?>? SyncedNow { get; init; }
}
