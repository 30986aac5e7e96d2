namespace StrategyLayer.Domain.Settings;

/// <summary>
/// Credentials, read from the environment by the config loader. <see cref="ToString"/> never
/// shows a secret, so a record printed or logged by accident leaks nothing.
/// </summary>
public sealed record SourceAuth
{
    public static readonly SourceAuth Anonymous = new() { Kind = AuthKind.None };

    public required AuthKind Kind { get; init; }
    public string? User { get; init; }
    public string? Secret { get; init; }
    public string? ClientId { get; init; }
    public string? ClientSecret { get; init; }

    /// <summary>OAuth grant: <c>password</c> or <c>client_credentials</c>.</summary>
    public string? Grant { get; init; }

    public override string ToString() => $"SourceAuth {{ Kind = {Kind}, User = {User ?? "-"}, Secret = {(Secret is null ? "-" : "***")} }}";
}

public enum AuthKind
{
    None,
    Basic,
    Bearer,
    OAuth,
}
