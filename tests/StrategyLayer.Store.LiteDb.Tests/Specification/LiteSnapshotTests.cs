using StrategyLayer.Store.Specification;

namespace StrategyLayer.Store.LiteDb.Tests.Specification;

/// <summary>The store contract's Snapshot specification, run against the LiteDB engine.</summary>
public sealed class LiteSnapshotTests(LiteStoreFixture fixture) : SnapshotSpecification<LiteStoreFixture>(fixture);
