namespace StrategyLayer.Store;

/// <summary>
/// When the store first saw one dependency of an item: its "is blocked by" link to
/// <see cref="TargetKey"/>. <see cref="FirstSeen"/> is the earlier of the commit that first brought
/// the link and the item's update that carried it (a link is at least as old as that update).
/// </summary>
public sealed record LinkSighting(string Uid, string TargetKey, DateTimeOffset FirstSeen);
