using StrategyLayer.Store.Specification;

namespace StrategyLayer.Store.LiteDb.Tests.Specification;

/// <summary>The store contract's Run specification, run against the LiteDB engine.</summary>
public sealed class LiteRunTests(LiteStoreFixture fixture) : RunSpecification<LiteStoreFixture>(fixture);
