namespace StrategyLayer.Web.Pages;

/// <summary>Sync, map, report and delivery history, and what waits in the outbox.</summary>
public sealed record RunsPage : PageBase
{
    public required IReadOnlyList<RunRow> Runs { get; init; }
    public required IReadOnlyList<OutboxRow> Outbox { get; init; }
}

public sealed record RunRow(string Id, string Job, string Started, string Duration, string Result, string Counts, string? Error, string? Node, string? ScheduledFor);

public sealed record OutboxRow(string Id, string Audience, string Channel, string? Recipient, string Period, string State, int Attempts, string? NextAttempt, string? LastError, string Created);
