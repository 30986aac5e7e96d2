namespace StrategyLayer.Sandbox;

/// <summary>One request the sandbox received on a vendor API (never its headers or body).</summary>
public sealed record SandboxRequest(string Method, string Path, string Query, int Status);
