using StrategyLayer.Sandbox.Data;

namespace StrategyLayer.Sandbox.Jira;

/// <summary>An item under evaluation: index fields are free, the full issue is generated only if a clause needs it.</summary>
internal sealed class JiraRow(ItemIndex index)
{
    private JiraIssue? issue;

    public ItemIndex Index { get; } = index;

    public int Item { get; private set; }

    public JiraIssue Issue => issue ??= JiraGenerator.Generate(Index, Item);

    public void Reset(int item)
    {
        Item = item;
        issue = null;
    }
}
