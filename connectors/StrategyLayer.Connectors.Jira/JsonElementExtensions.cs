using System.Text.Json;

namespace StrategyLayer.Connectors.Jira;

internal static class JsonElementExtensions
{
    public static int? TryGetInt32Safe(this JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;
}
