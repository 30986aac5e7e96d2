namespace StrategyLayer.Distribution;

/// <summary>
/// Something that needs a decision before the next pack: a measure turned red, or a new blocking
/// dependency. <see cref="Key"/> identifies the event (e.g. <c>red:M-PCI-TOKEN</c>,
/// <c>blocker:jira:PAY-1&gt;jira:WEB-7</c>) so the same notice is not sent twice for a period.
/// </summary>
public sealed record ExceptionNotice(ExceptionKind Kind, string Key, string Text, string? Link = null);

public enum ExceptionKind
{
    MeasureTurnedRed,
    NewBlocker,
}
