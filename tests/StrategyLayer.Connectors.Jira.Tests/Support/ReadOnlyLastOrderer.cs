using Xunit;
using Xunit.Abstractions;

[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: TestCollectionOrderer("StrategyLayer.Connectors.Jira.Tests.Support.ReadOnlyLastOrderer", "StrategyLayer.Connectors.Jira.Tests")]

namespace StrategyLayer.Connectors.Jira.Tests.Support;

/// <summary>Runs the read-only audit after every other test class, so it sees the whole suite's requests.</summary>
public sealed class ReadOnlyLastOrderer : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => c.DisplayName.Contains("ReadOnly", StringComparison.Ordinal) ? 1 : 0)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
