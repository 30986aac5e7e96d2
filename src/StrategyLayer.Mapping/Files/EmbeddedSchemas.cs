using NJsonSchema;

namespace StrategyLayer.Mapping.Files;

/// <summary>The strategy and rules schemas, embedded from config/ so the binary is self-contained.</summary>
internal static class EmbeddedSchemas
{
    private static readonly Lazy<JsonSchema> StrategySchema = new(() => Load("strategy.schema.json"));
    private static readonly Lazy<JsonSchema> RulesSchema = new(() => Load("rules.schema.json"));

    public static JsonSchema Strategy => StrategySchema.Value;

    public static JsonSchema Rules => RulesSchema.Value;

    private static JsonSchema Load(string name)
    {
        using var stream = typeof(EmbeddedSchemas).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded schema {name} is missing from the build");
        using var reader = new StreamReader(stream);

        // Parsing a schema from a string does no I/O (no external $ref), so waiting here blocks nothing.
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    }
}
