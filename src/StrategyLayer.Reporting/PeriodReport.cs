using System.Text.Json.Serialization;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Reporting.Model;
using StrategyLayer.Reporting.Snapshots;

namespace StrategyLayer.Reporting;

/// <summary>
/// A period's figures as one document: what <c>report --json</c> prints (with <see cref="Files"/>) and
/// the web view's <c>GET /api/report?period=…</c> returns (without). Made from the same
/// <see cref="PeriodData"/> the packs and pages are built from, so every surface states the same
/// numbers: <see cref="Period"/> is the name <c>--period</c> accepts, <see cref="AsOf"/> the instant the
/// figures are evaluated at (the earlier of now and the period's end, or the frozen snapshot's).
/// </summary>
public sealed record PeriodReport
{
    [JsonPropertyName("period")]
    public required string Period { get; init; }

    /// <summary>The packs written (the <c>report</c> verb only).</summary>
    [JsonPropertyName("files")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Files { get; init; }

    /// <summary>How many measures the tree has.</summary>
    [JsonPropertyName("measures")]
    public int Measures { get; init; }

    /// <summary>Untracked in-scope items (<see cref="Coverage"/>'s untracked).</summary>
    [JsonPropertyName("untracked")]
    public int Untracked { get; init; }

    [JsonPropertyName("asOf")]
    public required DateTimeOffset AsOf { get; init; }

    /// <summary><c>provisional</c> while the period runs, <c>frozen</c> once its snapshot is frozen.</summary>
    [JsonPropertyName("state")]
    public required string State { get; init; }

    [JsonPropertyName("coverage")]
    public required Coverage Coverage { get; init; }

    [JsonPropertyName("statuses")]
    public IReadOnlyList<MeasureStatus> Statuses { get; init; } = [];

    /// <summary>What in the data could not be fully used (capped; <see cref="DataQualityTotal"/> counts all).</summary>
    [JsonPropertyName("dataQuality")]
    public IReadOnlyList<DataQualityEntry> DataQuality { get; init; } = [];

    [JsonPropertyName("dataQualityTotal")]
    public int DataQualityTotal { get; init; }

    /// <summary>How fresh each source's data was when the figures were computed.</summary>
    [JsonPropertyName("freshness")]
    public IReadOnlyList<SourceFreshness> Freshness { get; init; } = [];

    /// <summary>True when a KPI value could not be used (a bad CSV row): the figures are partial, the verb exits 3.</summary>
    [JsonIgnore]
    public bool SomeValueUnusable => DataQuality.Any(d => d.Kind == DataQualityEntry.UnusableValue);

    public static PeriodReport From(PeriodData data)
    {
        var agg = data.Aggregates;
        return new PeriodReport
        {
            Period = data.Period.Name,
            Measures = agg.Measures.Count,
            Untracked = agg.Summary.Untracked,
            AsOf = agg.EvaluatedAt.ToUniversalTime(),
            State = StateName(data.State),
            Coverage = agg.Summary.Coverage,
            Statuses = [.. agg.Measures.Select(m => new MeasureStatus(m.Id, m.Implementation.Status, m.Potential.Status))],
            DataQuality = agg.DataQuality,
            DataQualityTotal = agg.Summary.DataQualityProblems,
            Freshness = [.. agg.Freshness.Select(f => new SourceFreshness(f.Source, f.LastSync, f.AgeHours, f.Level))],
        };
    }

    public static string StateName(SnapshotState state) => state == SnapshotState.Frozen ? "frozen" : "provisional";
}
