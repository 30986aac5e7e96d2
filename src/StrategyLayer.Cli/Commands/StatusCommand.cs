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
internal static class StatusCommand
{
    public static Command Create(TimeProvider time) => Verb.Create("status", "What is stored: counts, last sync and cursor per source, freshness, untracked share, outbox, recent runs", time, RunAsync);

    private static async Task<int> RunAsync(Invocation invocation, ParseResult parse, CancellationToken ct)
    {
        using var reader = await invocation.ReaderAsync(ct).ConfigureAwait(false);
        var status = reader is null ? await invocation.App.Reads.StatusAsync(ct).ConfigureAwait(false) : await reader.GetAsync<StatusView>("status", ct).ConfigureAwait(false);
        invocation.Output(status, console => Print(console, status));
        return ExitCodes.Success;
    }

    private static void Print(IAnsiConsole console, StatusView status)
    {
        console.MarkupLine($"Store: [bold]{Markup.Escape(status.Store)}[/]");
        var table = new Table().AddColumns("source", "items", "last sync", "age", "quarantined", "cursor");
        foreach (var s in status.Sources)
        {
            table.AddRow(Markup.Escape(TerminalText.Cell(s.Source)), s.Items.ToString("N0"), s.LastSync?.ToString("u") ?? "never", s.AgeSeconds is { } a ? TimeSpan.FromSeconds(a).ToString() : "-", s.Quarantined.ToString("N0"), Markup.Escape(TerminalText.Cell(s.Cursor ?? "-")));
        }

        console.Write(table);
        if (status.DataQuality.Count > 0)
        {
            // Read again on every sync until they read cleanly: an old one is worth a look upstream.
            console.MarkupLine($"Data quality: {status.DataQuality.Count} record(s) quarantined or stored with replaced text, read again on every sync:");
            foreach (var d in status.DataQuality.Take(20))
            {
                var age = d.AgeSeconds is { } s ? TimeSpan.FromSeconds(s).ToString() : "-";
                var where = (d.Page is { } page ? $" page {page}" : "") + (d.Field is { } field ? $" {field}" : "");
                console.MarkupLine(Markup.Escape($"  {d.Kind,-12} {d.Item}{where} for {age}: {d.Problem}"));
            }
        }

        console.MarkupLine($"Untracked share of in-scope items: [bold]{status.UntrackedShare:P1}[/]");
        console.MarkupLine($"Outbox: {status.Outbox.Count} waiting");
        foreach (var run in status.Runs)
        {
            console.MarkupLine(Markup.Escape(TerminalText.Cell($"  {run.Started:u} {run.Job,-10} {run.Outcome,-10} {(run.Finished - run.Started)?.TotalSeconds:0.0}s {run.Node} {run.Error}")));
        }
    }
}
