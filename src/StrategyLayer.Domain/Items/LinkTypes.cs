namespace StrategyLayer.Domain.Items;

public static class LinkTypes
{
    public const string Blocks = "blocks";
    public const string IsBlockedBy = "is blocked by";
    public const string Problem = "problem";
    public const string Change = "change";
    public const string Parent = "parent";
}
