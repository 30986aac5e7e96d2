using StrategyLayer.Connectors.Contract;
using StrategyLayer.Connectors.ServiceNow.Tests.Support;
using Xunit;

namespace StrategyLayer.Connectors.ServiceNow.Tests;

public class ReadChangesTests : IClassFixture<ServiceNowServer>
{
    private readonly ServiceNowServer _sn;

    public ReadChangesTests(ServiceNowServer sn)
    {
        _sn = sn;
        _sn.Reset();
    }

    private void Seed(int count, string table = "incident")
    {
        for (var i = 0; i < count; i++)
        {
            // Pairs share a second so that the keyset's tie-break on sys_id matters.
            var updated = $"2026-11-20 10:00:{i / 2:00}";
            _sn.Instance.Add(table, FakeRow.Task($"id{i:000}", $"INC{i:0000000}", updated));
        }
    }

    [Fact]
    public async Task A_page_many_times_larger_than_the_read_buffer_is_read_whole_with_every_character_intact()
    {
        // 200 records of about 3 KB each: a page of about 600 KB, read into pooled memory in 64 KB steps.
        for (var i = 0; i < 200; i++)
        {
            _sn.Instance.Add("incident", FakeRow.Task($"id{i:000}", $"INC{i:0000000}", $"2026-11-20 10:{i / 60:00}:{i % 60:00}")
                .Set("description", $"Zahlung für Größe {i} — " + new string('x', 3000) + " ✓"));
        }

        await using var source = ServiceNowServer.Source(_sn.Settings(pageSize: 200));

        var pages = await Collect.PagesAsync(source, "incident");

        var records = pages.SelectMany(p => p.Records).ToList();
        Assert.Equal(200, records.Count);
        Assert.Equal("Zahlung für Größe 199 — " + new string('x', 3000) + " ✓", records[^1].Item.Description);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"INC{i:0000000}"), records.Select(r => r.Item.Key));
    }

    [Fact]
    public async Task Paging_reads_every_record_once_across_pages_including_a_short_one_that_is_not_the_last()
    {
        Seed(10);
        _sn.Instance.RowCap = (_, call) => call == 2 ? 1 : null;
        await using var source = ServiceNowServer.Source(_sn.Settings(pageSize: 3));

        var pages = await Collect.PagesAsync(source, "incident");

        var keys = pages.SelectMany(p => p.Records).Select(r => r.Item.Key).ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"INC{i:0000000}"), keys);
        Assert.Single(pages[1].Records);
        Assert.Equal(Enumerable.Range(1, pages.Count), pages.Select(p => p.Number));
        Assert.Equal(new SyncCursor(new DateTimeOffset(2026, 11, 20, 10, 0, 4, TimeSpan.Zero), "id009"), pages[^1].Cursor);

        // Only an empty answer ends the reading: one more request than pages.
        Assert.Equal(pages.Count + 1, _sn.Instance.Queries.Count);
    }

    [Fact]
    public async Task The_next_page_is_asked_for_while_the_caller_still_holds_this_one()
    {
        Seed(9);
        await using var source = ServiceNowServer.Source(_sn.Settings(pageSize: 3));
        await using var pages = source.ReadChangesAsync("incident", null, CancellationToken.None).GetAsyncEnumerator();

        Assert.True(await pages.MoveNextAsync());

        // The caller has page 1 and has not asked for more; page 2 is on its way already.
        Assert.True(SpinWait.SpinUntil(() => _sn.Instance.Queries.Count >= 2, TimeSpan.FromSeconds(10)));
        Assert.Contains("sys_id>id002", _sn.Instance.Queries[1], StringComparison.Ordinal);

        var keys = pages.Current.Records.Select(r => r.Item.Key).ToList();
        while (await pages.MoveNextAsync())
        {
            keys.AddRange(pages.Current.Records.Select(r => r.Item.Key));
        }

        Assert.Equal(Enumerable.Range(0, 9).Select(i => $"INC{i:0000000}"), keys);
        Assert.Equal(4, _sn.Instance.Queries.Count);
    }

    [Fact]
    public async Task Each_request_carries_the_read_parameters_the_Table_API_needs()
    {
        Seed(2);
        await using var source = ServiceNowServer.Source(_sn.Settings(pageSize: 1500, scope: "active=true^ORDERBYnumber"));

        await Collect.PagesAsync(source, "incident");

        var first = _sn.Server.LogEntries.First().RequestMessage;
        var q = first.Query!;
        Assert.Equal("/api/now/table/incident", first.Path);
        Assert.Equal("all", q["sysparm_display_value"].Single());
        Assert.Equal("true", q["sysparm_exclude_reference_link"].Single());
        Assert.Equal("true", q["sysparm_no_count"].Single());
        Assert.Equal("1500", q["sysparm_limit"].Single());
        Assert.Contains("short_description", q["sysparm_fields"].Single().Split(','));
        Assert.Equal("active=true^ORDERBYsys_updated_on^ORDERBYsys_id", q["sysparm_query"].Single());
    }

    [Fact]
    public async Task Without_a_page_size_option_a_page_is_a_thousand_rows()
    {
        Seed(1);
        var settings = _sn.Settings() with { Options = new Dictionary<string, string>() };
        await using var source = ServiceNowServer.Source(settings);

        await Collect.PagesAsync(source, "incident");

        Assert.Equal("1000", _sn.Server.LogEntries.First().RequestMessage.Query!["sysparm_limit"].Single());
    }

    [Fact]
    public async Task An_incremental_read_starts_at_the_cursor_mark_less_the_overlap()
    {
        Seed(6);
        await using var source = ServiceNowServer.Source(_sn.Settings(pageSize: 10));
        var cursor = new SyncCursor(new DateTimeOffset(2026, 11, 20, 10, 12, 0, TimeSpan.Zero), "id003");

        var pages = await Collect.PagesAsync(source, "incident", cursor);

        Assert.StartsWith("incident?sys_updated_on>=2026-11-20 10:02:00^", _sn.Instance.Queries[0], StringComparison.Ordinal);
        Assert.Empty(pages);
    }

    [Fact]
    public async Task Records_edited_between_pages_are_neither_skipped_nor_read_twice_in_one_version()
    {
        Seed(12);
        _sn.Instance.BeforeAnswer = (table, call) =>
        {
            if (call == 2)
            {
                // An edit to a row already read and to one not yet read: both move to the end.
                _sn.Instance.Row(table, "id001").Set("sys_updated_on", "2026-11-20 11:00:00").Set("short_description", "edited early");
                _sn.Instance.Row(table, "id008").Set("sys_updated_on", "2026-11-20 11:00:00").Set("short_description", "edited late");
            }

            if (call == 3)
            {
                _sn.Instance.Row(table, "id004").Set("sys_updated_on", "2026-11-20 11:00:01");
            }
        };
        await using var source = ServiceNowServer.Source(_sn.Settings(pageSize: 3));

        var pages = await Collect.PagesAsync(source, "incident");

        var read = pages.SelectMany(p => p.Records).Select(r => r.Item).ToList();
        var versions = read.Select(i => (i.SourceId, i.Updated)).ToList();
        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"id{i:000}"), read.Select(i => i.SourceId).Distinct().Order(StringComparer.Ordinal));
        var latest = read.GroupBy(i => i.SourceId).ToDictionary(g => g.Key, g => g.Last());
        Assert.Equal("edited early", latest["id001"].Title);
        Assert.Equal("edited late", latest["id008"].Title);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 11, 0, 1, TimeSpan.Zero), latest["id004"].Updated);
        Assert.Equal(new SyncCursor(new DateTimeOffset(2026, 11, 20, 11, 0, 1, TimeSpan.Zero), "id004"), pages[^1].Cursor);
    }

    [Fact]
    public async Task A_table_that_is_not_configured_is_refused_by_name()
    {
        await using var source = ServiceNowServer.Source(_sn.Settings());

        var e = await Assert.ThrowsAsync<StrategyLayer.Domain.Errors.SourceException>(() => Collect.PagesAsync(source, "sys_user"));

        Assert.Contains("sys_user", e.Message, StringComparison.Ordinal);
        Assert.Empty(_sn.Server.LogEntries);
    }

    [Fact]
    public void A_source_has_one_partition_per_table_and_the_three_ITSM_tables_by_default()
    {
        var settings = _sn.Settings() with { Tables = [] };
        Assert.Equal(["incident", "change_request", "problem"], ServiceNowServer.Source(settings).Partitions);
        Assert.Equal(["problem", "u_request"], ServiceNowServer.Source(_sn.Settings(tables: ["problem", "u_request"])).Partitions);
    }

    [Fact]
    public void A_bad_table_name_is_a_config_error_with_its_path()
    {
        var e = Assert.Throws<StrategyLayer.Domain.Errors.DiagnosticsException>(() => ServiceNowServer.Source(_sn.Settings(tables: ["incident", "inci dent/.."])));

        Assert.Equal("sources.servicenow.tables[1]", Assert.Single(e.Diagnostics).Path);
    }

    [Fact]
    public async Task Link_and_X_Total_Count_are_hints_and_do_not_end_the_reading()
    {
        Seed(7);
        _sn.Instance.Headers["X-Total-Count"] = "3";
        _sn.Instance.Headers["Link"] = $"<{_sn.Server.Url}/api/now/table/incident?sysparm_offset=0&sysparm_limit=3>;rel=\"first\"";
        await using var source = ServiceNowServer.Source(_sn.Settings(pageSize: 3));

        var pages = await Collect.PagesAsync(source, "incident");

        Assert.Equal(7, pages.Sum(p => p.Records.Count));
    }

    [Fact]
    public async Task Cancelling_between_pages_stops_the_reading_with_a_cancellation()
    {
        Seed(9);
        using var cts = new CancellationTokenSource();
        _sn.Instance.BeforeAnswer = (_, call) =>
        {
            if (call == 2)
            {
                cts.Cancel();
            }
        };
        await using var source = ServiceNowServer.Source(_sn.Settings(pageSize: 3));
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in source.ReadChangesAsync("incident", null, cts.Token))
            {
                read += page.Records.Count;
            }
        });

        Assert.Equal(3, read);
    }
}
