using System.Text.Json.Serialization;
using StrategyLayer.Domain.Mapping;

namespace StrategyLayer.Reporting.Model;

/// <summary>
/// The executive page's figures. <see cref="InScope"/> = <see cref="Mapped"/> + <see cref="Untracked"/>;
/// out-of-scope items are counted apart (<see cref="OutOfScope"/>) and in no share.
/// </summary>
public sealed record SummaryView
{
    public int InScope { get; init; }
    public int Mapped { get; init; }
    public int Untracked { get; init; }

    /// <summary>Stored items outside the in-scope filter (mapped or not): counted apart.</summary>
    public int OutOfScope { get; init; }

    /// <summary>Stored items the mapping stage has not seen yet (run <c>map</c>): not counted above.</summary>
    public int NotYetMapped { get; init; }
    public double CoveragePercent { get; init; }
    public double UntrackedPercent { get; init; }
    public int Measures { get; init; }
    public int MeasuresRed { get; init; }
    public int MeasuresAmber { get; init; }
    public int MeasuresGreen { get; init; }
    public int BlockedItems { get; init; }
    public int CrossTeamBlockers { get; init; }
    public string? UntrackedUrl { get; init; }

    /// <summary>Problems in the data the figures could not fully use (the list is capped; this is all of them).</summary>
    public int DataQualityProblems { get; init; }

    /// <summary>The coverage figures as every surface states them.</summary>
    [JsonIgnore]
    public Coverage Coverage => new(InScope, Mapped, Untracked, OutOfScope);
}
