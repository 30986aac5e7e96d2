using System.Reflection;
using NJsonSchema;

namespace StrategyLayer.Configuration.Files;

/// <summary>
/// A JSON schema embedded in an assembly (from config/, so the binary is self-contained), parsed once,
/// asynchronously (NJsonSchema parses only so), on first use; every later load awaits the same parse.
/// </summary>
public sealed class EmbeddedSchema(Assembly assembly, string name)
{
    private readonly Lazy<Task<JsonSchema>> _parsed = new(() => ParseAsync(assembly, name));

    /// <summary>The parsed schema; the parse itself is shared, so only the wait is cancelled.</summary>
    public Task<JsonSchema> ParsedAsync(CancellationToken cancellationToken) => _parsed.Value.WaitAsync(cancellationToken);

    private static async Task<JsonSchema> ParseAsync(Assembly assembly, string name)
    {
        await using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded schema {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return await JsonSchema.FromJsonAsync(await reader.ReadToEndAsync().ConfigureAwait(false)).ConfigureAwait(false);
    }
}
