using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Mapping.Query;

namespace StrategyLayer.Mapping;

/// <summary>The rule language for reporting, the web view and <c>items --query</c>.</summary>
/// <param name="customFields">Custom field names from config; null accepts any other name as a custom field.</param>
public sealed class ItemFilterCompiler(IReadOnlyCollection<string>? customFields = null) : IItemFilterCompiler
{
    private readonly FieldCatalog _catalog = new(customFields);

    public Func<WorkItem, bool> Compile(string query, DateTimeOffset asOf)
    {
        if (CompiledQuery.TryCompile(query, _catalog, asOf, out var compiled, out var errors))
        {
            return compiled!.Predicate;
        }

        throw new DiagnosticsException([.. errors.Select(e => new Diagnostic($"{e.Message} in query '{query}'", "query", e.Line, e.Column))]);
    }
}
