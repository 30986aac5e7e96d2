using StrategyLayer.Sandbox.Http;

namespace StrategyLayer.Sandbox.ServiceNow;

/// <summary>POST /oauth_token.do: password, client_credentials and refresh_token grants.</summary>
internal static class OAuth
{
    public static async Task TokenAsync(HttpContext ctx, SandboxState state)
    {
        if (!ctx.Request.HasFormContentType)
        {
            await Denied(ctx, 400, "invalid_request");
            return;
        }

        var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
        var o = state.Options;
        var clientOk = form["client_id"] == o.ClientId && form["client_secret"] == o.ClientSecret;
        var ok = form["grant_type"].ToString() switch
        {
            "password" => clientOk && form["username"] == o.User && form["password"] == o.Password,
            "client_credentials" => clientOk,
            "refresh_token" => clientOk && state.UseRefreshToken(form["refresh_token"].ToString()),
            _ => (bool?)null,
        };
        if (ok is null)
        {
            await Denied(ctx, 400, "unsupported_grant_type");
            return;
        }

        if (ok == false)
        {
            await Denied(ctx, 401, "server_error");
            return;
        }

        var (access, refresh) = state.IssueTokens();
        await JsonOut.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("access_token", access);
            w.WriteString("refresh_token", refresh);
            w.WriteString("scope", "useraccount");
            w.WriteString("token_type", "Bearer");
            w.WriteNumber("expires_in", 1799);
            w.WriteEndObject();
        });
    }

    private static Task Denied(HttpContext ctx, int status, string error) => JsonOut.WriteAsync(ctx, status, w =>
    {
        w.WriteStartObject();
        w.WriteString("error_description", "access_denied");
        w.WriteString("error", error);
        w.WriteEndObject();
    });
}
