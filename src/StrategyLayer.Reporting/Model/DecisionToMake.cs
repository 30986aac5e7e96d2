namespace StrategyLayer.Reporting.Model;

/// <summary>
/// Something to decide now: a red measure, or a cross-team blocker older than the configured days.
/// <see cref="Kind"/> is <c>red-measure</c> or <c>cross-team-blocker</c>; both owners are named.
/// </summary>
public sealed record DecisionToMake(
    string Kind,
    string Title,
    string Why,
    string FirstOwner,
    string SecondOwner,
    int? AgeDays,
    IReadOnlyList<ItemRef> Items,
    int More = 0);
