using System.Security.Cryptography;
using System.Text;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Mapping.Query;
using StrategyLayer.Mapping.Rules;

namespace StrategyLayer.Mapping;

/// <summary>
/// The rules and tree compiled once for a run at <see cref="AsOf"/>: decides an item's own pin or
/// rule and whether it is in scope. Inheritance is resolved over all items by <see cref="MapRun"/>
/// (or item by item by <see cref="Explainer"/>).
/// </summary>
public sealed class MappingEngine
{
    private readonly (MappingRule Rule, CompiledQuery Query)[] _rules;
    private readonly Func<WorkItem, bool>[] _tests;
    private readonly Dictionary<string, RulePin> _pinsById = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RulePin> _pinsByKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly CompiledQuery? _inScope;

    // Rules that require "project = X" cannot match an item of another project: per project, the
    // indexes of the rules worth trying, in file order; other projects try only the unconstrained ones.
    private readonly Dictionary<string, int[]> _byProject = new(StringComparer.OrdinalIgnoreCase);
    private readonly int[] _unconstrained;

    /// <exception cref="DiagnosticsException">A query does not compile, or a rule names a measure not in the tree.</exception>
    public MappingEngine(StrategyTree tree, RuleSet rules, DateTimeOffset asOf)
    {
        AsOf = asOf;
        Rules = rules;
        Catalog = new FieldCatalog(rules.CustomFields);
        var diagnostics = new List<Diagnostic>();
        var measures = new HashSet<string>(tree.Measures.Select(m => m.Id), StringComparer.OrdinalIgnoreCase);
        _inScope = rules.InScope is { } scope ? CompileOrReport(scope, "inScope", null, diagnostics) : null;
        var compiled = new List<(MappingRule, CompiledQuery)>();
        foreach (var rule in rules.Rules)
        {
            if (!measures.Contains(rule.MeasureId))
            {
                diagnostics.Add(new Diagnostic($"rule '{rule.Id}' maps to unknown measure '{rule.MeasureId}'", rule.Location?.File, rule.Location?.Line, null, rule.Location?.Path));
            }

            if (CompileOrReport(rule.When, "rule '" + rule.Id + "'", rule.Location, diagnostics) is { } q)
            {
                compiled.Add((rule, q));
            }
        }

        foreach (var pin in rules.Pins)
        {
            if (!measures.Contains(pin.MeasureId))
            {
                diagnostics.Add(new Diagnostic($"pin of '{pin.Item}' maps to unknown measure '{pin.MeasureId}'"));
            }

            var (source, _) = ItemId.Parse(pin.Item);
            (source is null ? _pinsByKey : _pinsById).TryAdd(pin.Item, pin);
        }

        if (diagnostics.Count > 0)
        {
            throw new DiagnosticsException(diagnostics);
        }

        _rules = [.. compiled];
        _tests = [.. compiled.Select(c => c.Item2.Predicate)];
        var required = compiled.Select(c => c.Item2.RequiredValues("project")).ToArray();
        _unconstrained = [.. Enumerable.Range(0, required.Length).Where(k => required[k] is null)];
        foreach (var project in required.Where(r => r is not null).SelectMany(r => r!).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            _byProject[project] = [.. Enumerable.Range(0, required.Length).Where(k => required[k] is null || required[k]!.Contains(project, StringComparer.OrdinalIgnoreCase))];
        }

        Fingerprint = ComputeFingerprint(tree, rules);
        RelativeOffsets = [.. compiled.SelectMany(c => c.Item2.RelativeOffsets).Concat(_inScope?.RelativeOffsets ?? []).Distinct()];
    }

    public DateTimeOffset AsOf { get; }

    public RuleSet Rules { get; }

    public FieldCatalog Catalog { get; }

    /// <summary>Hash of rules and tree: when it is unchanged, a re-map may reuse unchanged items' decisions.</summary>
    public string Fingerprint { get; }

    /// <summary>Every relative date offset the rules and the scope use.</summary>
    public IReadOnlyList<TimeSpan> RelativeOffsets { get; }

    /// <summary>Removed items are never in scope; with no <c>inScope</c> filter every other item is.</summary>
    public bool IsInScope(WorkItem item) => item.Removed is null && (_inScope is null || _inScope.Predicate(item));

    public ClauseFailure? ExplainScope(WorkItem item) => _inScope?.Explain(item);

    /// <summary>The item's pin, else its first matching rule, else none.</summary>
    public DirectDecision Decide(WorkItem item)
    {
        if (FindPin(item) is { } pin)
        {
            return new DirectDecision(DecisionKind.Pin, pin.MeasureId, null);
        }

        var tests = _tests;
        var candidates = item.Project is { } project && _byProject.TryGetValue(project, out var forProject) ? forProject : _unconstrained;
        foreach (var k in candidates)
        {
            if (tests[k](item))
            {
                var rule = _rules[k].Rule;
                return new DirectDecision(DecisionKind.Rule, rule.MeasureId, rule.Id);
            }
        }

        return DirectDecision.None;
    }

    public RulePin? FindPin(WorkItem item)
    {
        if (_pinsById.Count == 0 && _pinsByKey.Count == 0)
        {
            return null;
        }

        if (_pinsById.TryGetValue(item.Id, out var pin) || _pinsByKey.TryGetValue(item.Key, out pin))
        {
            return pin;
        }

        foreach (var old in item.PreviousKeys ?? [])
        {
            if (_pinsById.TryGetValue(ItemId.Format(item.Source, old), out pin) || _pinsByKey.TryGetValue(old, out pin))
            {
                return pin;
            }
        }

        return null;
    }

    /// <summary>Every rule in order against the item (explain).</summary>
    public IReadOnlyList<RuleCheck> Check(WorkItem item) =>
        [.. _rules.Select(r => r.Query.Explain(item) is { } failure
            ? new RuleCheck(r.Rule.Id, r.Rule.MeasureId, false, failure)
            : new RuleCheck(r.Rule.Id, r.Rule.MeasureId, true, null))];

    /// <summary>The fields the scope and the rules read, in order of first use.</summary>
    public IReadOnlyList<FieldDef> FieldsRead() =>
        [.. (_inScope?.Fields ?? []).Concat(_rules.SelectMany(r => r.Query.Fields)).DistinctBy(f => f.Name, StringComparer.OrdinalIgnoreCase)];

    private CompiledQuery? CompileOrReport(string text, string what, QueryLocation? location, List<Diagnostic> diagnostics)
    {
        if (CompiledQuery.TryCompile(text, Catalog, AsOf, out var query, out var errors))
        {
            return query;
        }

        foreach (var e in errors)
        {
            diagnostics.Add(new Diagnostic($"{what}: {e.Message}", location?.File, location is null ? e.Line : location.Line, location is null ? e.Column : location.Column + e.Offset, location?.Path));
        }

        return null;
    }

    private static string ComputeFingerprint(StrategyTree tree, RuleSet rules)
    {
        var measures = string.Join(",", tree.Measures.Select(m => m.Id).Order(StringComparer.OrdinalIgnoreCase));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(rules.Fingerprint() + "|" + measures)));
    }
}
