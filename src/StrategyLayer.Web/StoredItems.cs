using StrategyLayer.Domain.Items;

namespace StrategyLayer.Web;

/// <summary>
/// Items read back from a store written by an early build can carry null where the record declares
/// an empty collection (that build left empty collections out, and source-generated JSON does not
/// restore initializers). The explain view and the pages expect empty lists, so reads are filled here.
/// </summary>
public static class StoredItems
{
    public static WorkItem Fill(WorkItem item) =>
        item.PreviousKeys is not null && item.Labels is not null && item.Components is not null
        && item.FixVersions is not null && item.Links is not null && item.Fields is not null
            ? item
            : item with
            {
                PreviousKeys = item.PreviousKeys ?? [],
                Labels = item.Labels ?? [],
                Components = item.Components ?? [],
                FixVersions = item.FixVersions ?? [],
                Links = item.Links ?? [],
                Fields = item.Fields ?? new Dictionary<string, string?>(),
            };
}
