using StrategyLayer.Store.Specification;

namespace StrategyLayer.Store.LiteDb.Tests.Specification;

/// <summary>The store contract's Copy specification, run against the LiteDB engine.</summary>
public sealed class LiteCopyTests(LiteStoreFixture fixture) : CopySpecification<LiteStoreFixture>(fixture);
