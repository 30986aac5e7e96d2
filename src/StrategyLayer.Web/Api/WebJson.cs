using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategyLayer.Web.Api;

/// <summary>The CLI's <c>--json</c> style: camelCase names, lower-case enum values.</summary>
internal static class WebJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DictionaryKeyPolicy = null,
        };
        options.Converters.Add(new JsonStringEnumConverter(new LowerCase()));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class LowerCase : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
