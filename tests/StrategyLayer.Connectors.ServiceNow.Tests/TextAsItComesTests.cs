using StrategyLayer.Connectors.ServiceNow.Tests.Support;
using StrategyLayer.Connectors.Text;
using Xunit;

namespace StrategyLayer.Connectors.ServiceNow.Tests;

/// <summary>Answers as some instances send them: bytes that are not UTF-8 inside a field, and rows that cannot be read.</summary>
public class TextAsItComesTests : ServiceNowServerTests
{
    private const string Bad = "NOT-UTF8";
    private static readonly string Id1 = new('1', 32);
    private static readonly string Id2 = new('2', 32);
    private static readonly string Id3 = new('3', 32);
    private static readonly string Id4 = new('4', 32);

    public TextAsItComesTests(ServiceNowServer sn)
        : base(sn)
    {
        // "caf" + a lone 0xE9 (Latin-1 é) + 0xC3 0x28 (a broken two-byte sequence).
        Sn.Instance.WireBytes[Bad] = [0xE9, 0xC3, 0x28];
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF8_in_a_field_are_stored_as_U_FFFD_and_named_with_the_field_and_page()
    {
        Sn.Instance.Add("incident", FakeRow.Task(Id1, "INC0000001", "2026-11-18 09:00:00"));
        Sn.Instance.Add("incident", FakeRow.Task(Id2, "INC0000002", "2026-11-18 09:00:01").Set("short_description", "Printer caf" + Bad + " down"));
        Sn.Instance.Add("incident", FakeRow.Task(Id3, "INC0000003", "2026-11-18 09:00:02"));
        await using var source = ServiceNowServer.Source(Sn.Settings(pageSize: 2));

        var pages = await Collect.PagesAsync(source, "incident");

        var records = pages.SelectMany(p => p.Records).ToList();
        Assert.Equal(["INC0000001", "INC0000002", "INC0000003"], records.Select(r => r.Item.Key));
        var bad = records[1];
        Assert.Equal("Printer caf\uFFFD\uFFFD( down", bad.Item.Title);
        var replaced = Assert.Single(bad.Replaced);
        Assert.Equal("short_description", replaced.Field);
        Assert.Equal(1, replaced.Page);
        Assert.Equal(LenientJson.InvalidUtf8, replaced.Problem);
        Assert.Empty(records[0].Replaced);
        Assert.Empty(records[2].Replaced);
        Assert.All(pages, p => Assert.Empty(p.Quarantined));
    }

    [Fact]
    public async Task A_row_that_cannot_be_read_is_quarantined_with_its_number_and_page_and_the_page_goes_on()
    {
        Sn.Instance.Add("incident", FakeRow.Task(Id1, "INC0000001", "2026-11-18 09:00:00"));
        Sn.Instance.Add("incident", FakeRow.Task(Id2, "INC0000002", "2026-11-18 09:00:01"));
        Sn.Instance.Add("incident", FakeRow.Task(Id3, "INC0000003", "2026-11-18 09:00:02").Set("resolved_at", "soon" + Bad));
        Sn.Instance.Add("incident", FakeRow.Task(Id4, "INC0000004", "2026-11-18 09:00:03"));
        await using var source = ServiceNowServer.Source(Sn.Settings(pageSize: 2));

        var pages = await Collect.PagesAsync(source, "incident");

        Assert.Equal(["INC0000001", "INC0000002", "INC0000004"], pages.SelectMany(p => p.Records).Select(r => r.Item.Key));
        var quarantined = Assert.Single(pages.SelectMany(p => p.Quarantined));
        Assert.Equal("INC0000003", quarantined.Key);
        Assert.Equal(Id3, quarantined.SourceId);
        Assert.Equal(2, quarantined.Page);
        Assert.StartsWith("table incident, page 2: INC0000003: field resolved_at", quarantined.Reason, StringComparison.Ordinal);
        Assert.Contains("soon\uFFFD", quarantined.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_are_read_again_by_sys_id_list_without_spaces_and_the_gone_ones_are_named()
    {
        Sn.Instance.Add("incident", FakeRow.Task(Id1, "INC0000001", "2026-11-18 09:00:00"));
        Sn.Instance.Add("incident", FakeRow.Task(Id2, "INC0000002", "2026-11-18 09:00:01").Set("short_description", "still " + Bad));
        await using var source = ServiceNowServer.Source(Sn.Settings(scope: "active=true"));

        var batches = await source.RereadAsync("incident", [Id1, Id2, Id3, "INC0000009"], CancellationToken.None).ToListAsync();

        var records = batches.SelectMany(b => b.Records).ToList();
        Assert.Equal(["INC0000001", "INC0000002"], records.Select(r => r.Item.Key));
        Assert.Empty(records[0].Replaced);
        Assert.Equal("short_description", records[1].Replaced[0].Field);
        Assert.Null(records[1].Replaced[0].Page);
        Assert.Equal([Id3, "INC0000009"], batches.SelectMany(b => b.Missing));
        Assert.Equal($"incident?sys_idIN{Id1},{Id2},{Id3}", Sn.Instance.Queries[0]);
        Assert.Equal("incident?numberININC0000009", Sn.Instance.Queries[1]);
    }
}
