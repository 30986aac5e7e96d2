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
}
