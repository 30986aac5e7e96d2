using System.Globalization;
using System.Text;

namespace StrategyLayer.Sandbox.Http;

/// <summary>In front of every vendor endpoint: records the request, injects faults, checks credentials.</summary>
internal sealed class VendorGate(SandboxState state)
{
    public const string JiraCloud = "/jira-cloud";
    public const string JiraDataCenter = "/jira-dc";
    public const string ServiceNow = "/servicenow";

    public async Task InvokeAsync(HttpContext ctx, Func<Task> next)
    {
        var path = ctx.Request.Path.Value ?? "";
        var jira = path.StartsWith(JiraCloud, StringComparison.Ordinal) || path.StartsWith(JiraDataCenter, StringComparison.Ordinal);
        var serviceNow = path.StartsWith(ServiceNow, StringComparison.Ordinal);
        if (!jira && !serviceNow)
        {
            await next();
            return;
        }

        try
        {
            var oauth = path.EndsWith("/oauth_token.do", StringComparison.Ordinal);
            if (!oauth && await FaultAsync(ctx, jira))
            {
                return;
            }

            if (!oauth && state.Options.RequireAuth && !Authorized(ctx.Request.Headers.Authorization.ToString(), jira))
            {
                await UnauthorizedAsync(ctx, jira);
                return;
            }

            // The instance's own clock, as a real one states it: the sandbox clock, not this machine's.
            ctx.Response.Headers.Date = state.Clock.Now.ToString("r", CultureInfo.InvariantCulture);

            if (jira && state.Faults.NearLimit)
            {
                ctx.Response.Headers["X-RateLimit-NearLimit"] = "true";
            }

            await next();
        }
        finally
        {
            state.Record(new SandboxRequest(ctx.Request.Method, path, ctx.Request.QueryString.Value ?? "", ctx.Response.StatusCode));
        }
    }

    private async Task<bool> FaultAsync(HttpContext ctx, bool jira)
    {
        var fault = state.NextFault();
        if (fault == 0)
        {
            return false;
        }

        var faults = state.Faults;
        var retryAfter = faults.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var reset = state.Clock.Now.AddSeconds(faults.RetryAfterSeconds);
        var headers = ctx.Response.Headers;
        if (fault == 429 || fault == 503)
        {
            headers.RetryAfter = retryAfter;
        }

        if (fault == 429 && jira)
        {
            headers["X-RateLimit-Limit"] = "100";
            headers["X-RateLimit-Remaining"] = "0";
            if (ctx.Request.Path.StartsWithSegments(JiraDataCenter))
            {
                // Data Center's token bucket describes itself by interval and fill rate.
                headers["X-RateLimit-Interval-Seconds"] = "1";
                headers["X-RateLimit-FillRate"] = "10";
            }
            else
            {
                headers["X-RateLimit-Reset"] = reset.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                headers["RateLimit-Reason"] = "jira-burst-based";
            }

            await JsonOut.JiraErrorAsync(ctx, 429, "Rate limit exceeded.");
        }
        else if (fault == 429)
        {
            headers["X-RateLimit-Limit"] = "5000";
            headers["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Rule"] = "a2e5a1f0c0a8000b0011c3d4e5f60718";
            await JsonOut.ServiceNowErrorAsync(ctx, 429, "Too many requests", "Rate limit of 5000 requests per hour exceeded");
        }
        else if (jira)
        {
            await JsonOut.JiraErrorAsync(ctx, fault, fault == 503 ? "Service Unavailable" : "Internal server error");
        }
        else
        {
            await JsonOut.ServiceNowErrorAsync(ctx, fault, fault == 503 ? "Service Unavailable" : "Internal Server Error", null);
        }

        return true;
    }

    private bool Authorized(string header, bool jira)
    {
        var o = state.Options;
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                return decoded == o.User + ":" + o.Password;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header[7..].Trim();
            return jira ? token == o.PersonalAccessToken : state.IsValidAccessToken(token);
        }

        return false;
    }

    private static Task UnauthorizedAsync(HttpContext ctx, bool jira)
    {
        if (jira)
        {
            ctx.Response.Headers.WWWAuthenticate = "Basic realm=\"protected-area\"";
            return JsonOut.JiraErrorAsync(ctx, 401, "You are not authenticated. Authentication required to perform this operation.");
        }

        ctx.Response.Headers.WWWAuthenticate = "BASIC realm=\"Service-now\"";
        return JsonOut.ServiceNowErrorAsync(ctx, 401, "User Not Authenticated", "Required to provide Auth information");
    }
}
