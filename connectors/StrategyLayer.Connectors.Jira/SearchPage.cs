using System.Text.Json;

namespace StrategyLayer.Connectors.Jira;

/// <summary>One answer of a search: its issues (detached from the response) and where it was, for errors.</summary>
internal sealed record SearchPage(int Number, string Where, IReadOnlyList<JsonElement> Issues);
