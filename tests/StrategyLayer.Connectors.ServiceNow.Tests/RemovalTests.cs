using StrategyLayer.Connectors.Contract;
using StrategyLayer.Connectors.ServiceNow.Tests.Support;
using StrategyLayer.Domain.Items;
using Xunit;

namespace StrategyLayer.Connectors.ServiceNow.Tests;

public class RemovalTests(ServiceNowServer sn) : ServiceNowServerTests(sn)
{
    private void Audit(string sysId, string table, string documentKey, string created) =>
        Sn.Instance.Add("sys_audit_delete", new FakeRow()
            .Set("sys_id", sysId)
            .Set("tablename", table)
            .Set("documentkey", documentKey)
            .Set("display_value", "x")
            .Set("sys_created_on", created));

    [Fact]
    public async Task Deletions_come_from_sys_audit_delete_for_the_table_since_the_mark_less_the_overlap_across_pages()
    {
        Audit("d0", "incident", "gone-older", "2026-11-18 23:49:59");
        Audit("d1", "incident", "gone-in-overlap", "2026-11-18 23:50:00");
        Audit("d2", "incident", "gone-1", "2026-11-19 00:00:00");
        Audit("d3", "problem", "gone-problem", "2026-11-19 01:00:00");
        Audit("d4", "incident", "gone-2", "2026-11-19 02:00:00");
        Audit("d5", "incident", "gone-3", "2026-11-19 02:00:00");
        Audit("d6", "incident", "gone-4", "2026-11-20 08:00:00");
        await using var source = ServiceNowServer.Source(Sn.Settings(pageSize: 2, tables: ["incident", "problem"]));

        var batches = await source.ReadDeletionsAsync("incident", new DateTimeOffset(2026, 11, 19, 0, 0, 0, TimeSpan.Zero), CancellationToken.None).ToListAsync();

        Assert.Equal(["gone-in-overlap", "gone-1", "gone-2", "gone-3", "gone-4"], batches.SelectMany(b => b.SourceIds));
        Assert.StartsWith("sys_audit_delete?tablename=incident^sys_created_on>=2026-11-18 23:50:00^", Sn.Instance.Queries[0], StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero), batches.Max(b => b.Mark));
    }

    [Fact]
    public async Task Deletions_are_not_read_when_the_audit_is_switched_off()
    {
        Audit("d2", "incident", "gone-1", "2026-11-19 00:00:00");
        var settings = Sn.Settings() with { Options = new Dictionary<string, string> { ["auditDeletes"] = "false" } };
        await using var source = ServiceNowServer.Source(settings);

        var deleted = await Collect.DeletedAsync(source.ReadDeletionsAsync("incident", DateTimeOffset.MinValue, CancellationToken.None));

        Assert.Empty(deleted);
        Assert.Empty(Sn.Server.LogEntries);
    }

    [Fact]
    public async Task The_scope_listing_pages_by_sys_id_and_keeps_only_records_in_scope()
    {
        for (var i = 0; i < 7; i++)
        {
            Sn.Instance.Add("incident", FakeRow.Task($"s{i}", $"INC{i:0000000}", "2026-11-18 09:00:00").Set("active", i % 3 == 0 ? "false" : "true"));
        }

        await using var source = ServiceNowServer.Source(Sn.Settings(pageSize: 2, scope: "active=true"));

        var entries = await Collect.AllAsync(source.ListScopeAsync("incident", CancellationToken.None));

        Assert.Equal([new ScopeEntry("s1", "INC0000001"), new ScopeEntry("s2", "INC0000002"), new ScopeEntry("s4", "INC0000004"), new ScopeEntry("s5", "INC0000005")], entries);
        Assert.Equal("incident?active=true^sys_id>s2^ORDERBYsys_id", Sn.Instance.Queries[1]);
        Assert.All(Sn.Server.LogEntries, l => Assert.Equal("sys_id,number", l.RequestMessage.Query!["sysparm_fields"].Single()));
    }

    [Fact]
    public async Task A_missing_item_still_readable_without_the_scope_is_out_of_scope_and_one_gone_is_deleted()
    {
        Sn.Instance.Add("incident", FakeRow.Task("closed1", "INC0000009", "2026-11-18 09:00:00").Set("active", "false"));
        await using var source = ServiceNowServer.Source(Sn.Settings(scope: "active=true"));

        var result = await source.ClassifyMissingAsync("incident", ["closed1", "vanished1"], CancellationToken.None);

        Assert.Equal(RemovalReason.OutOfScope, result["closed1"]);
        Assert.Equal(RemovalReason.Deleted, result["vanished1"]);
        Assert.Equal("incident?sys_idINclosed1,vanished1", Assert.Single(Sn.Instance.Queries));
    }
}
