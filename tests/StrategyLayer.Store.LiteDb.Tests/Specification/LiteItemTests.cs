using StrategyLayer.Store.Specification;

namespace StrategyLayer.Store.LiteDb.Tests.Specification;

/// <summary>The store contract's Item specification, run against the LiteDB engine.</summary>
public sealed class LiteItemTests(LiteStoreFixture fixture) : ItemSpecification<LiteStoreFixture>(fixture);
