namespace StrategyLayer.Domain.Items;

/// <summary>
/// One field of a record whose text could not be read as it came and was stored with U+FFFD in
/// place of what was unreadable.
/// </summary>
/// <param name="Field">The field as the source names it (<c>summary</c>, <c>short_description</c>, <c>fields.labels[1]</c>).</param>
/// <param name="Problem">What was wrong, for a person (a lone UTF-16 surrogate, bytes that are not UTF-8).</param>
/// <param name="Page">The page of the read it came on (1-based); null when it came from a read by id.</param>
public sealed record ReplacedText(string Field, string Problem, int? Page = null);
