using System.Text.Json;
using StrategyLayer.Cli.Output;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store;
using StrategyLayer.Store.LiteDb;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// Text from a source never reaches a terminal raw: a title carrying colours, a window-title change,
/// an OSC 8 hyperlink, a bell and a bidi override is printed by <c>items</c>, <c>explain</c> and
/// <c>status</c> without one control sequence, while <c>--json</c> keeps the exact text. Piped, a
/// table's rows never wrap, and <c>--format tsv</c> gives one line an item.
/// </summary>
public sealed class CleanTerminalTests : IClassFixture<CleanTerminalTests.HostileStore>
{
    private const string Hostile = "\u001b[31mRed\u001b[0m title\u001b]0;pwned\u0007 \u001b]8;;http://evil.example/\u001b\\click\u001b]8;;\u001b\\ \u009b2J\u0007bell \u202Egnp.exe";
    private readonly HostileStore _store;

    public CleanTerminalTests(HostileStore store) => _store = store;

    [Theory]
    [InlineData("items")]
    [InlineData("explain")]
    [InlineData("status")]
    public async Task A_title_with_escape_sequences_prints_none_to_a_console(string verb)
    {
        string[] args = verb switch
        {
            "explain" => ["explain", "jira:EVIL-1"],
            _ => [verb],
        };

        var result = await CliRunner.RunAsync([.. args, "--config", _store.Config]);

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var control in new[] { '\u001b', '\u0007', '\u009b', '\u202e' })
        {
            Assert.DoesNotContain(control, result.Stdout + result.Stderr);
        }

        if (verb != "status")
        {
            Assert.Contains("Red title", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("<U+202E>gnp.exe", result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Json_keeps_the_exact_title_escaped()
    {
        var result = await CliRunner.RunAsync(["items", "--json", "--config", _store.Config]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain('\u001b', result.Stdout);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Contains(doc.RootElement.EnumerateArray(), i => i.GetProperty("title").GetString() == Hostile);
    }

    [Fact]
    public async Task Piped_items_keep_every_row_on_one_line_however_long_its_title()
    {
        var result = await CliRunner.RunAsync(["items", "--config", _store.Config]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var row = Assert.Single(result.Stdout.Split('\n'), l => l.Contains("jira:LONG-1", StringComparison.Ordinal));
        Assert.Contains(HostileStore.LongTitle, row, StringComparison.Ordinal);
        Assert.Equal(2, result.Stdout.Split('\n').Count(l => l.StartsWith("│ jira:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Items_as_tsv_give_a_header_and_one_tab_separated_line_an_item()
    {
        var result = await CliRunner.RunAsync(["items", "--format", "tsv", "--config", _store.Config]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id\tstatus\tteam\tmeasure\tdecided by\ttitle", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.Equal(6, l.Split('\t').Length));
        Assert.Contains(lines, l => l.StartsWith("jira:LONG-1\t", StringComparison.Ordinal) && l.EndsWith(HostileStore.LongTitle, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\u001b[1;31mb\u001b[0mc", "abc")]
    [InlineData("x\u001b]8;;http://e/\u0007y\u001b]8;;\u0007z", "xyz")]
    [InlineData("keep\ttab\nand newline\r", "keep\ttab\nand newline")]
    [InlineData("c1\u0085\u009b31m", "c131m")]
    [InlineData("del\u007f nul\u0000", "del nul")]
    [InlineData("\u2066isolate\u2069", "<U+2066>isolate<U+2069>")]
    [InlineData("trailing escape\u001b", "trailing escape")]
    public void Terminal_text_drops_controls_and_shows_bidi_overrides(string text, string expected) =>
        Assert.Equal(expected, TerminalText.Clean(text));

    [Fact]
    public void A_table_cell_is_one_line() =>
        Assert.Equal("one two three", TerminalText.Cell("one\ntwo\tthree"));

    /// <summary>A store holding a hostile title and a long one, as a sync would have stored them.</summary>
    public sealed class HostileStore : IAsyncLifetime, IDisposable
    {
        public static readonly string LongTitle = string.Join(' ', Enumerable.Range(1, 60).Select(i => "word" + i));

        private readonly TempFolder _folder = new("sl-hostile");

        public HostileStore()
        {
            Config = RepoFiles.WriteConfig(_folder.Path, """[ { "name": "jira", "type": "jira-cloud", "baseUrl": "http://127.0.0.1:9/jira", "scope": "project = EVIL" } ]""");
        }

        public string Config { get; }

        public async Task InitializeAsync()
        {
            var now = DateTimeOffset.UtcNow;
            await using var store = LiteStrategyStore.Open(_folder.File("store.db"), new LiteStoreOptions { TimeProvider = TimeProvider.System });
            await using var sync = await store.BeginSyncAsync("jira", CancellationToken.None);
            await sync.CommitAsync("", [Record("10001", "EVIL-1", Hostile, now), Record("10002", "LONG-1", LongTitle, now)], [], "cursor-\u001b[2Jx", CancellationToken.None);
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => _folder.Dispose();

        private static SourceRecord Record(string id, string key, string title, DateTimeOffset now) => new(
            new WorkItem
            {
                Source = "jira",
                SourceId = id,
                Key = key,
                Kind = WorkItemKind.Issue,
                Title = title,
                Status = "To Do\u001b[5m",
                Category = StatusCategory.ToDo,
                Team = "EVIL\u0007",
                Project = "EVIL",
                Created = now.AddDays(-3),
                Updated = now.AddDays(-1),
            },
            "{}");
    }
}
