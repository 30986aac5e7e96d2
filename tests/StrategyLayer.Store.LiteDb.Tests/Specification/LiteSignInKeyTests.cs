using StrategyLayer.Store.Specification;

namespace StrategyLayer.Store.LiteDb.Tests.Specification;

/// <summary>The store contract's SignInKey specification, run against the LiteDB engine.</summary>
public sealed class LiteSignInKeyTests(LiteStoreFixture fixture) : SignInKeySpecification<LiteStoreFixture>(fixture);
