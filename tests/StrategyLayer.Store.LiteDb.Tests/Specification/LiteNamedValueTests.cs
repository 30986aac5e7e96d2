using StrategyLayer.Store.Specification;

namespace StrategyLayer.Store.LiteDb.Tests.Specification;

/// <summary>The store contract's NamedValue specification, run against the LiteDB engine.</summary>
public sealed class LiteNamedValueTests(LiteStoreFixture fixture) : NamedValueSpecification<LiteStoreFixture>(fixture);
