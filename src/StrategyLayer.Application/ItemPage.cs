using StrategyLayer.Mapping;

namespace StrategyLayer.Application;

/// <summary>One page of a filtered item list (untracked first) and how many items match in all.</summary>
public sealed record ItemPage(IReadOnlyList<ItemRow> Items, int Total, int Offset, int Limit);

/// <summary>An item as <c>items --json</c> shows it, with where to open it.</summary>
public sealed record ItemRow(ItemView Item, string? BrowseUrl, string? MeasureName, string Href);
