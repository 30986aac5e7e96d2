using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Cli.Output;
using StrategyLayer.Store;

namespace StrategyLayer.Cli.Commands;

/// <summary>
/// <c>status</c>: what is stored, how fresh each source is, the untracked share, the outbox, recent
/// runs. While <c>serve</c> or <c>schedule</c> holds the store, it asks that process.
/// </summary>
public static class StatusCommand
{
    public static Command Create() => Verb.Create("status", "What is stored: counts, last sync and cursor per source, freshness, untracked share, outbox, recent runs", RunAsync);

    private static async Task<int> RunAsync(Session session, ParseResult parse, CancellationToken ct)
    {
        using var reader = await session.ReaderAsync(ct).ConfigureAwait(false);
        var status = reader is null ? await DescribeAsync(session, ct).ConfigureAwait(false) : await reader.GetAsync<StatusView>("status", ct).ConfigureAwait(false);
        session.Output(status, console => Print(console, status));
        return ExitCodes.Success;
    }

    public static async Task<StatusView> DescribeAsync(Session session, CancellationToken ct) =>
        await StatusView.DescribeAsync(await session.StoreAsync(ct).ConfigureAwait(false), session.Config.Sources.Select(s => s.Name), session.Time.GetUtcNow(), ct).ConfigureAwait(false);

    private static void Print(IAnsiConsole console, StatusView status)
    {
        console.MarkupLine($"Store: [bold]{Markup.Escape(status.Store)}[/]");
        var table = new Table().AddColumns("source", "items", "last sync", "age", "quarantined", "cursor");
        foreach (var s in status.Sources)
        {
            table.AddRow(Markup.Escape(TerminalText.Cell(s.Source)), s.Items.ToString("N0"), s.LastSync?.ToString("u") ?? "never", s.AgeSeconds is { } a ? TimeSpan.FromSeconds(a).ToString() : "-", s.Quarantined.ToString("N0"), Markup.Escape(TerminalText.Cell(s.Cursor ?? "-")));
        }

        console.Write(table);
        console.MarkupLine($"Untracked share of in-scope items: [bold]{status.UntrackedShare:P1}[/]");
        console.MarkupLine($"Outbox: {status.Outbox.Count} waiting");
        foreach (var run in status.Runs)
        {
            console.MarkupLine(Markup.Escape(TerminalText.Cell($"  {run.Started:u} {run.Job,-10} {run.Result,-10} {(run.Ended - run.Started)?.TotalSeconds:0.0}s {run.Error}")));
        }
    }
}
