using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Mapping.Rules;

namespace StrategyLayer.Mapping.Files;

/// <summary>The strategy tree and the rules that refer to it, loaded together.</summary>
public sealed record MappingFiles(StrategyTree Tree, RuleSet Rules)
{
    /// <summary>
    /// Loads both files; null when either has a problem (all are in <paramref name="diagnostics"/>).
    /// The rules are checked only when the tree loads, since they name its measures.
    /// </summary>
    public static MappingFiles? Load(string strategyPath, string rulesPath, IReadOnlyCollection<string> customFields, ICollection<Diagnostic> diagnostics)
    {
        var tree = StrategyFile.Load(strategyPath, diagnostics);
        var rules = tree is null ? null : RulesFile.Load(rulesPath, tree, customFields, diagnostics);
        return tree is null || rules is null ? null : new MappingFiles(tree, rules);
    }

    /// <summary>Like <see cref="Load"/>, but throws every problem at once (exit 2).</summary>
    /// <exception cref="DiagnosticsException">The tree or the rules have problems.</exception>
    public static MappingFiles LoadOrThrow(string strategyPath, string rulesPath, IReadOnlyCollection<string> customFields)
    {
        var diagnostics = new List<Diagnostic>();
        return Load(strategyPath, rulesPath, customFields, diagnostics) ?? throw new DiagnosticsException(diagnostics);
    }

    /// <summary>The rules compiled for a run whose relative dates are read at <paramref name="asOf"/>.</summary>
    public MappingEngine Engine(DateTimeOffset asOf) => new(Tree, Rules, asOf);
}
