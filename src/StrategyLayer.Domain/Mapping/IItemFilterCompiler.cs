using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Domain.Mapping;

/// <summary>
/// Compiles a query in the rule language (<c>project = PAY and labels in (pci)</c>) into a
/// predicate. Implemented by the mapping stage; reporting and the web view take it as a
/// dependency so that they filter with the same language without referencing mapping.
/// </summary>
public interface IItemFilterCompiler
{
    /// <summary>Compiles once; relative dates (<c>-180d</c>) are evaluated at <paramref name="asOf"/>.</summary>
    /// <exception cref="DiagnosticsException">The query does not parse (the message names line and column).</exception>
    Func<WorkItem, bool> Compile(string query, DateTimeOffset asOf);
}
