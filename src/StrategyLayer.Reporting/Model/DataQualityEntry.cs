using System.Text.Json.Serialization;

namespace StrategyLayer.Reporting.Model;

/// <summary>
/// One thing in the data that a figure could not fully use: named, never a reason to stop a pack.
/// <see cref="Kind"/> says what it is (<c>unresolved-link</c>, …); <see cref="Item"/> is the item's id
/// (<c>jira:PAY-12</c>) and <see cref="File"/> / <see cref="Line"/> a file's place (a CSV row), when they apply.
/// More kinds are added by adding entries (see <c>PeriodComputation.DataQuality</c>).
/// </summary>
public sealed record DataQualityEntry(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("problem")] string Problem,
    [property: JsonPropertyName("item"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Item = null,
    [property: JsonPropertyName("file"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? File = null,
    [property: JsonPropertyName("line"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Line = null)
{
    /// <summary>A dependency link whose target is not stored, or names items in several other sources.</summary>
    public const string UnresolvedLink = "unresolved-link";

    /// <summary>A KPI value that could not be used (a bad row of a CSV actuals file, with its file and line): the verb exits 3.</summary>
    public const string UnusableValue = "unusable-value";
}
