using System.Collections.Concurrent;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace StrategyLayer.Connectors.ServiceNow.Tests.Support;

/// <summary>
/// /oauth_token.do handing out tok-1, tok-2, … and a table endpoint that accepts only the newest
/// token (older ones get 401, as after an expiry or revocation on the instance).
/// </summary>
public sealed class TokenEndpoint
{
    private int _issued;

    private TokenEndpoint(ServiceNowServer sn, int expiresIn, bool revokeFirst, bool refuseRefresh)
    {
        sn.Server.Given(Request.Create().WithPath("/oauth_token.do").UsingPost())
            .RespondWith(Response.Create().WithCallback(req =>
            {
                var form = Parse(req.Body ?? "");
                Forms.Enqueue(form);
                if (refuseRefresh && form["grant_type"] == "refresh_token")
                {
                    return FakeInstance.Json(401, """{"error_description":"access_denied","error":"server_error"}""");
                }

                var n = Interlocked.Increment(ref _issued);
                return FakeInstance.Json(200, $$"""{"access_token":"tok-{{n}}-s3cr3t","refresh_token":"ref-{{n}}","scope":"useraccount","token_type":"Bearer","expires_in":{{expiresIn}}}""");
            }));
        sn.Server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/api/now/table/*")).UsingGet())
            .AtPriority(1)
            .RespondWith(Response.Create().WithCallback(req =>
            {
                var auth = req.Headers is { } h && h.TryGetValue("Authorization", out var v) ? v.FirstOrDefault() : null;
                Authorizations.Enqueue(auth ?? "");
                var current = Volatile.Read(ref _issued);
                var accepted = revokeFirst ? current >= 2 && auth == $"Bearer tok-{current}-s3cr3t" : auth == $"Bearer tok-{current}-s3cr3t";
                return accepted
                    ? sn.Instance.Answer(req)
                    : FakeInstance.Json(401, """{"error":{"message":"User Not Authenticated","detail":"Required to provide Auth information"},"status":"failure"}""");
            }));
    }

    public ConcurrentQueue<Dictionary<string, string>> Forms { get; } = [];

    public ConcurrentQueue<string> Authorizations { get; } = [];

    public int Issued => Volatile.Read(ref _issued);

    /// <param name="revokeFirst">The first token is refused at once (a 401 the client must recover from).</param>
    /// <param name="refuseRefresh">Refresh tokens are refused (expired on the instance).</param>
    public static TokenEndpoint On(ServiceNowServer sn, int expiresIn = 1799, bool revokeFirst = false, bool refuseRefresh = false) =>
        new(sn, expiresIn, revokeFirst, refuseRefresh);

    private static Dictionary<string, string> Parse(string form) =>
        form.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "");
}
