using System.IO.Compression;
using System.Text;
using System.Text.Json;
using StrategyLayer.Reporting.Model;
using StrategyLayer.Reporting.Snapshots;
using StrategyLayer.Reporting.Tests.Support;

namespace StrategyLayer.Reporting.Tests;

/// <summary>
/// Snapshot rows are written by generated code for speed; snapshots written before (and frozen
/// periods never rewritten) hold the web-default JSON of the reflection serializer, so the two must
/// write the same bytes.
/// </summary>
public sealed class SnapshotRowJsonTests
{
    [Fact]
    public async Task A_period_s_rows_are_written_exactly_as_the_web_default_serializer_writes_them()
    {
        var store = DemoPortfolio.Store();
        var data = await DemoPortfolio.Builder(store).SnapshotPeriodAsync(DemoPortfolio.November, DemoPortfolio.AsOf, CancellationToken.None);

        var lines = Decompress(data.ItemRows).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rows = SnapshotService.ReadRows(data.ItemRows).ToList();

        Assert.Equal(data.Aggregates.Summary.InScope, lines.Length);
        Assert.Equal(rows.Count, lines.Length);
        var reflection = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(JsonSerializer.Serialize(rows[i], reflection), lines[i]);
        }

        // The demo holds rows with nulls, lists and a measure: every shape is compared.
        Assert.Contains(lines, l => l.Contains("\"measure\":null", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"via\":[", StringComparison.Ordinal) || l.Contains("\"tags\":[", StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_with_every_member_and_text_outside_ascii_is_written_as_the_web_default_serializer_writes_it()
    {
        var row = new PeriodItem
        {
            Id = "jira:PAY-1",
            Key = "PAY-1",
            Title = "Café <b>\"x\"</b> \u2028 \u0007",
            Url = "https://x/browse/PAY-1",
            Team = "PAY",
            Type = "Story",
            Status = "In Progress",
            Category = "inprogress",
            Assignee = "Zoë",
            Measure = "M-1",
            DecidedBy = "rule",
            Rule = "R1",
            Via = ["PAY-0", "PAY-00"],
            Label = "label",
            Tags = ["a", "ü"],
        };

        var generated = JsonSerializer.Serialize(row, SnapshotRowJson.Default.PeriodItem);

        Assert.Equal(JsonSerializer.Serialize(row, new JsonSerializerOptions(JsonSerializerDefaults.Web)), generated);
    }

    [Fact]
    public void The_stored_form_of_a_row_leaves_out_what_only_a_pack_shows_and_keeps_the_names_and_order_frozen_snapshots_hold()
    {
        var row = new PeriodItem
        {
            Id = "jira:PAY-2",
            Key = "PAY-2",
            Title = "t",
            MeasureName = "shown only",
            Via = ["PAY-0"],
            Tags = ["a"],
            SuggestedRule = "labels = a",
            SuggestedMeasure = "M-1",
        };

        var stored = JsonSerializer.Serialize(row, SnapshotRowJson.Default.PeriodItem);
        var read = SnapshotService.ReadRows(Compress(stored)).Single();

        Assert.Equal(
            """{"id":"jira:PAY-2","key":"PAY-2","title":"t","url":null,"team":null,"type":null,"status":null,"category":null,"assignee":null,"measure":null,"decidedBy":"none","rule":null,"via":["PAY-0"],"label":null,"tags":["a"]}""",
            stored);
        Assert.Equal(("jira:PAY-2", "PAY-2", true), (read.Id, read.Key, read.Untracked));
        Assert.Equal(["PAY-0"], read.Via!);
        Assert.Equal(["a"], read.Tags!);
        Assert.Null(read.MeasureName);
        Assert.Null(read.SuggestedRule);
    }

    private static byte[] Compress(string line)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest))
        {
            brotli.Write(Encoding.UTF8.GetBytes(line + "\n"));
        }

        return output.ToArray();
    }

    private static string Decompress(byte[] compressed)
    {
        using var input = new MemoryStream(compressed);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
