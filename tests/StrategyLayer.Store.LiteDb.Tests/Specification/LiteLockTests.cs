using StrategyLayer.Store.Specification;

namespace StrategyLayer.Store.LiteDb.Tests.Specification;

/// <summary>The store contract's Lock specification, run against the LiteDB engine.</summary>
public sealed class LiteLockTests(LiteStoreFixture fixture) : LockSpecification<LiteStoreFixture>(fixture);
