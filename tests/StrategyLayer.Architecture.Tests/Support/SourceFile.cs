namespace StrategyLayer.Architecture.Tests.Support;

/// <summary>A source file: its path relative to the repository root (with '/') and its text.</summary>
internal sealed record SourceFile(string Path, string Text);
