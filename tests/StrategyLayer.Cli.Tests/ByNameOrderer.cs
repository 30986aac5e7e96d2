using Xunit.Abstractions;
using Xunit.Sdk;

namespace StrategyLayer.Cli.Tests;

/// <summary>Runs a class's tests in name order, for end-to-end stories whose steps build on each other.</summary>
public sealed class ByNameOrderer : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}
