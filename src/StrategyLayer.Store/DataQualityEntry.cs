using StrategyLayer.Domain.Items;

namespace StrategyLayer.Store;

/// <summary>
/// One record the store holds a data-quality note about: <c>quarantined</c> (not stored as an item:
/// it could not be read) or <c>replacedText</c> (stored, with U+FFFD in <see cref="Field"/>), with
/// where it came from and how long it has been so.
/// </summary>
/// <param name="Kind"><c>quarantined</c> or <c>replacedText</c>.</param>
/// <param name="Source">The source's name.</param>
/// <param name="Table">The ServiceNow table; null for Jira.</param>
/// <param name="Item"><c>source:KEY</c> (the source id where the record had no key).</param>
/// <param name="Page">The page of the read it came on, where known.</param>
/// <param name="Field">The field replaced; null for a quarantined record.</param>
/// <param name="Problem">What is wrong.</param>
/// <param name="Since">When it was first so.</param>
/// <param name="AgeSeconds">Seconds since <paramref name="Since"/>.</param>
public sealed record DataQualityEntry(string Kind, string Source, string? Table, string Item, int? Page, string? Field, string Problem, DateTimeOffset? Since, long? AgeSeconds)
{
    public const string QuarantinedKind = "quarantined";
    public const string ReplacedTextKind = "replacedText";

    /// <summary>Quarantined records, then one entry per replaced field, oldest first.</summary>
    public static IEnumerable<DataQualityEntry> From(IEnumerable<QuarantinedRecord> quarantined, IEnumerable<ReplacedTextItem> replaced, DateTimeOffset now)
    {
        long? Age(DateTimeOffset? since) => since is { } s ? (long)(now - s).TotalSeconds : null;
        static string? Table(string? partition) => string.IsNullOrEmpty(partition) ? null : partition;

        var entries = quarantined.Select(q => new DataQualityEntry(
                QuarantinedKind, q.Source, Table(q.Partition), ItemId.Format(q.Source, q.Key ?? q.SourceId ?? "?"), q.Page, null, q.Reason, q.Since, Age(q.Since)))
            .Concat(replaced.SelectMany(r => r.Fields.Select(f => new DataQualityEntry(
                ReplacedTextKind, r.Source, Table(r.Partition), r.Id, f.Page, f.Field, f.Problem, r.Since, Age(r.Since)))));
        return entries.OrderBy(e => e.Since ?? DateTimeOffset.MaxValue).ThenBy(e => e.Item, StringComparer.Ordinal);
    }
}
