using StrategyLayer.Store.Specification;

namespace StrategyLayer.Store.LiteDb.Tests.Specification;

/// <summary>The store contract's Mapping specification, run against the LiteDB engine.</summary>
public sealed class LiteMappingTests(LiteStoreFixture fixture) : MappingSpecification<LiteStoreFixture>(fixture);
