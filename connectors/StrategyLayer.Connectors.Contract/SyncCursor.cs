namespace StrategyLayer.Connectors.Contract;

/// <summary>
/// Where a partition's incremental sync resumes: the newest <c>updated</c> seen and committed
/// (<see cref="Mark"/>, UTC) and, for keyset paging, the last id at that instant. The connector
/// subtracts its overlap window; duplicates that brings are recognised by hash downstream.
/// </summary>
public sealed record SyncCursor(DateTimeOffset Mark, string? LastId = null)
{
    public override string ToString() => Mark.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)
        + (LastId is null ? "" : "|" + LastId);

    /// <summary>Reads what <see cref="ToString"/> wrote; null for null, empty or unreadable text (a full re-read).</summary>
    public static SyncCursor? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var bar = text.IndexOf('|', StringComparison.Ordinal);
        var mark = bar < 0 ? text : text[..bar];
        return DateTimeOffset.TryParse(mark, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? new SyncCursor(at.ToUniversalTime(), bar < 0 ? null : text[(bar + 1)..])
            : null;
    }
}
