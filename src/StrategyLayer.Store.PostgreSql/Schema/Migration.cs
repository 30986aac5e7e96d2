namespace StrategyLayer.Store.PostgreSql.Schema;

/// <summary>One step of the schema: the version it brings the store to, and its SQL.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
