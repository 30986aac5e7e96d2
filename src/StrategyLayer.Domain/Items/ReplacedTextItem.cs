namespace StrategyLayer.Domain.Items;

/// <summary>
/// An item stored with text replaced by U+FFFD (a field could not be read as it came): named in
/// data quality, and read again on every sync until it reads cleanly or is gone upstream.
/// </summary>
/// <param name="Source">The source's name.</param>
/// <param name="Partition">The ServiceNow table; empty for Jira.</param>
/// <param name="Key">The item's key when it was stored.</param>
/// <param name="SourceId">The source's immutable id.</param>
/// <param name="Fields">The fields replaced, with the page each came on.</param>
/// <param name="Since">When it was first stored so.</param>
public sealed record ReplacedTextItem(string Source, string? Partition, string Key, string SourceId, IReadOnlyList<ReplacedText> Fields, DateTimeOffset Since)
{
    /// <summary><c>source:KEY</c>.</summary>
    public string Id => ItemId.Format(Source, Key);
}
