using StrategyLayer.Configuration.Files;

namespace StrategyLayer.Mapping.Files;

/// <summary>The strategy and rules schemas, embedded from config/ so the binary is self-contained.</summary>
internal static class EmbeddedSchemas
{
    public static readonly EmbeddedSchema Strategy = new(typeof(EmbeddedSchemas).Assembly, "strategy.schema.json");

    public static readonly EmbeddedSchema Rules = new(typeof(EmbeddedSchemas).Assembly, "rules.schema.json");
}
