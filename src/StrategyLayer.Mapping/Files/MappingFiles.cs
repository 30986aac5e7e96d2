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
    public static async Task<MappingFiles?> LoadAsync(string strategyPath, string rulesPath, IReadOnlyCollection<string> customFields, ICollection<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var tree = await StrategyFile.LoadAsync(strategyPath, diagnostics, cancellationToken).ConfigureAwait(false);
        var rules = tree is null ? null : await RulesFile.LoadAsync(rulesPath, tree, customFields, diagnostics, cancellationToken).ConfigureAwait(false);
        return tree is null || rules is null ? null : new MappingFiles(tree, rules);
    }

    /// <summary>Like <see cref="LoadAsync"/>, but throws every problem at once (exit 2).</summary>
    /// <exception cref="DiagnosticsException">The tree or the rules have problems.</exception>
    public static async Task<MappingFiles> LoadOrThrowAsync(string strategyPath, string rulesPath, IReadOnlyCollection<string> customFields, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        return await LoadAsync(strategyPath, rulesPath, customFields, diagnostics, cancellationToken).ConfigureAwait(false) ?? throw new DiagnosticsException(diagnostics);
    }

    /// <summary>The rules compiled for a run whose relative dates are read at <paramref name="asOf"/>.</summary>
    public MappingEngine Engine(DateTimeOffset asOf) => new(Tree, Rules, asOf);
}
