using StrategyLayer.Domain.Items;

namespace StrategyLayer.Mapping.Query;

/// <summary>A query compiled once into a delegate; evaluate it with <see cref="Matches"/>.</summary>
public sealed class CompiledQuery
{
    private readonly Clause _root;

    internal CompiledQuery(string text, Clause root, IReadOnlyList<FieldDef> fields, IReadOnlyList<TimeSpan> relativeOffsets)
    {
        Text = text;
        _root = root;
        Predicate = root.Test;
        Fields = fields;
        RelativeOffsets = relativeOffsets;
    }

    public string Text { get; }

    public Func<WorkItem, bool> Predicate { get; }

    /// <summary>The fields the query reads, in order of first use.</summary>
    public IReadOnlyList<FieldDef> Fields { get; }

    /// <summary>Offsets of the relative dates in the query (<c>-180d</c>); a re-map uses them to find items whose result may have moved with time.</summary>
    public IReadOnlyList<TimeSpan> RelativeOffsets { get; }

    public bool Matches(WorkItem item) => Predicate(item);

    /// <summary>Values one of which <paramref name="field"/> must equal for the query to match; null when it need not.</summary>
    public IReadOnlyList<string>? RequiredValues(string field) => _root.Required(field);

    /// <summary>Null when the item matches; otherwise the first clause that failed.</summary>
    public ClauseFailure? Explain(WorkItem item) => _root.FirstFailure(item);

    /// <summary>Parses and compiles; relative dates are fixed at <paramref name="asOf"/>.</summary>
    /// <exception cref="RuleSyntaxError">With every error found, each positioned.</exception>
    public static CompiledQuery Compile(string text, FieldCatalog catalog, DateTimeOffset asOf) =>
        TryCompile(text, catalog, asOf, out var query, out var errors) ? query! : throw new RuleSyntaxError(text, errors);

    public static bool TryCompile(string text, FieldCatalog catalog, DateTimeOffset asOf, out CompiledQuery? query, out IReadOnlyList<QueryError> errors)
    {
        query = null;
        if (!QueryParser.TryParse(text, out var node, out var error))
        {
            errors = [error!];
            return false;
        }

        var compiler = new QueryCompiler(text, catalog, asOf);
        var root = compiler.Compile(node!);
        errors = compiler.Errors;
        if (errors.Count > 0)
        {
            return false;
        }

        query = new CompiledQuery(text, root, compiler.Fields, compiler.RelativeOffsets);
        return true;
    }
}
