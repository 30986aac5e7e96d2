namespace StrategyLayer.Web;

/// <summary>OpenID Connect sign-in with a cookie session. The secret comes from an environment variable (config <c>web.oidc.clientSecretEnv</c>).</summary>
public sealed record OidcSettings(string Authority, string ClientId, string? ClientSecret = null)
{
    public override string ToString() => $"OidcSettings {{ Authority = {Authority}, ClientId = {ClientId}, Secret = {(ClientSecret is null ? "no" : "yes")} }}";
}
