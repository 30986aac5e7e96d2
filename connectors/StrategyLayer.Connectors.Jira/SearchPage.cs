using System.Text.Json;

namespace StrategyLayer.Connectors.Jira;

/// <summary>One answer of a search: its issues (valid until the next page is asked for: they point into the answer's document) and where it was, for errors.</summary>
internal sealed record SearchPage(int Number, string Where, IReadOnlyList<JsonElement> Issues);
