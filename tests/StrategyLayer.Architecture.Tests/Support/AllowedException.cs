namespace StrategyLayer.Architecture.Tests.Support;

/// <summary>A file ARCHITECTURE.md's known gaps allow to hold one forbidden pattern (for now), and why.</summary>
internal sealed record AllowedException(string Path, string Pattern, string Why);
