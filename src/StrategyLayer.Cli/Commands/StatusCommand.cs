using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Store;

namespace StrategyLayer.Cli.Commands;

/// <summary><c>status</c>: what is stored, how fresh each source is, the untracked share, the outbox, recent runs.</summary>
public static class StatusCommand
{
    public static Command Create() => Verb.Create("status", "What is stored: counts, last sync and cursor per source, freshness, untracked share, outbox, recent runs", RunAsync);

    private static Task<int> RunAsync(Session session, ParseResult parse, CancellationToken ct)
    {
        var status = Describe(session);
        session.Output(status, console => Print(console, status));
        return Task.FromResult(ExitCodes.Success);
    }

    public static StatusView Describe(Session session)
    {
        var store = session.Store;
        var now = session.Time.GetUtcNow();
        var cursors = store.Cursors();
        var names = session.Config.Sources.Select(s => s.Name).Concat(cursors.Select(c => c.Source)).Distinct().ToList();
        var sources = names.Select(name =>
        {
            var mine = cursors.Where(c => c.Source == name).ToList();
            var last = mine.Select(c => c.LastCommit).Where(t => t is not null).DefaultIfEmpty(null).Max();
            return new SourceStatus(
                name,
                store.CountItems(name),
                last,
                mine.Count == 1 ? mine[0].Cursor : mine.Count == 0 ? null : string.Join("; ", mine.Select(c => $"{c.Partition}={c.Cursor}")),
                last is null ? null : (long)(now - last.Value).TotalSeconds,
                store.Quarantined(name).Count);
        }).ToList();

        var mappings = store.LoadMappings().Values;
        var inScope = mappings.Count(m => m.InScope);
        var untracked = mappings.Count(m => m.Untracked);
        var outbox = store.Outbox().Where(d => d.State != DeliveryState.Sent).Select(d => new OutboxEntry(d.Id, d.Audience, d.Channel, d.Recipient, d.Period, d.State, d.Attempts, d.NextAttempt, d.LastError)).ToList();
        var runs = store.RecentRuns(10);
        return new StatusView(sources, inScope == 0 ? 0 : Math.Round((double)untracked / inScope, 4), outbox, runs, store.Path);
    }

    private static void Print(IAnsiConsole console, StatusView status)
    {
        console.MarkupLine($"Store: [bold]{Markup.Escape(status.Store)}[/]");
        var table = new Table().AddColumns("source", "items", "last sync", "age", "quarantined", "cursor");
        foreach (var s in status.Sources)
        {
            table.AddRow(Markup.Escape(s.Source), s.Items.ToString("N0"), s.LastSync?.ToString("u") ?? "never", s.AgeSeconds is { } a ? TimeSpan.FromSeconds(a).ToString() : "-", s.Quarantined.ToString("N0"), Markup.Escape(s.Cursor ?? "-"));
        }

        console.Write(table);
        console.MarkupLine($"Untracked share of in-scope items: [bold]{status.UntrackedShare:P1}[/]");
        console.MarkupLine($"Outbox: {status.Outbox.Count} waiting");
        foreach (var run in status.Runs)
        {
            console.MarkupLine(Markup.Escape($"  {run.Started:u} {run.Job,-10} {run.Result,-10} {(run.Ended - run.Started)?.TotalSeconds:0.0}s {run.Error}"));
        }
    }
}

public sealed record StatusView(IReadOnlyList<SourceStatus> Sources, double UntrackedShare, IReadOnlyList<OutboxEntry> Outbox, IReadOnlyList<RunRecord> Runs, string Store);

public sealed record SourceStatus(string Source, int Items, DateTimeOffset? LastSync, string? Cursor, long? AgeSeconds, int Quarantined);

public sealed record OutboxEntry(string Id, string Audience, string Channel, string? Recipient, string Period, DeliveryState State, int Attempts, DateTimeOffset? NextAttempt, string? LastError);
