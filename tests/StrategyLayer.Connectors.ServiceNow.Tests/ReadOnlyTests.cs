using StrategyLayer.Connectors.Contract;
using StrategyLayer.Connectors.ServiceNow.Tests.Support;
using StrategyLayer.Domain.Settings;
using Xunit;

namespace StrategyLayer.Connectors.ServiceNow.Tests;

public class ReadOnlyTests(ServiceNowServer sn) : ServiceNowServerTests(sn)
{
    [Fact]
    public async Task Every_operation_sends_only_GETs_plus_the_OAuth_token_POST()
    {
        for (var i = 0; i < 5; i++)
        {
            Sn.Instance.Add("incident", FakeRow.Task($"r{i}", $"INC{i:0000000}", $"2026-11-18 09:00:0{i}"));
        }

        Sn.Instance.Add("sys_audit_delete", new FakeRow().Set("sys_id", "d1").Set("tablename", "incident").Set("documentkey", "gone").Set("sys_created_on", "2026-11-19 00:00:00"));
        Sn.Instance.Add("sys_dictionary", new FakeRow().Set("sys_id", "c1").Set("name", "task").Set("element", "active"));
        TokenEndpoint.On(Sn, revokeFirst: true);
        var auth = new SourceAuth { Kind = AuthKind.OAuth, Grant = "client_credentials", ClientId = "c", ClientSecret = "s" };
        await using var source = ServiceNowServer.Source(Sn.Settings(pageSize: 2, auth: auth, scope: "active=true"));

        await Collect.PagesAsync(source, "incident");
        await Collect.PagesAsync(source, "incident", new SyncCursor(new DateTimeOffset(2026, 11, 18, 9, 0, 2, TimeSpan.Zero), "r2"));
        await Collect.AllAsync(source.ListScopeAsync("incident", CancellationToken.None));
        await source.ClassifyMissingAsync("incident", ["r1", "nope"], CancellationToken.None);
        await Collect.DeletedAsync(source.ReadDeletionsAsync("incident", DateTimeOffset.UnixEpoch, CancellationToken.None));
        await source.ValidateOnlineAsync(CancellationToken.None);

        var requests = Sn.Server.LogEntries.Select(l => (l.RequestMessage.Method, l.RequestMessage.Path)).ToList();
        Assert.True(requests.Count > 10, $"only {requests.Count} requests were made");
        Assert.Contains(("POST", "/oauth_token.do"), requests);
        Assert.All(requests, r => Assert.True(
            r.Method == "GET" || (r.Method == "POST" && r.Path == "/oauth_token.do"),
            $"{r.Method} {r.Path} is not a read"));
    }
}
