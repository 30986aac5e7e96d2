using System.Text.Json;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Mapping.Tests.Support;

namespace StrategyLayer.Mapping.Tests;

public class ItemViewTests
{
    [Fact]
    public void AnItemViewCarriesTheContractFieldsWithLowerCaseEnums()
    {
        var item = Items.Incident("INC0010001", "Service Desk", 1, i => i with { Category = StatusCategory.Done, Status = "Resolved" });
        var mapping = new ItemMapping(item.Uid, "M-SD-MTTR", new Decision(DecisionKind.Rule, "sd-p1"), true);

        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(ItemView.From(item, mapping)));
        var root = doc.RootElement;
        Assert.Equal("servicenow:INC0010001", root.GetProperty("id").GetString());
        Assert.Equal("incident", root.GetProperty("kind").GetString());
        Assert.Equal("done", root.GetProperty("category").GetString());
        Assert.Equal("Resolved", root.GetProperty("status").GetString());
        Assert.Equal("sd-p1", root.GetProperty("rule").GetString());
        Assert.Equal("rule", root.GetProperty("decidedBy").GetProperty("kind").GetString());
        Assert.False(root.GetProperty("untracked").GetBoolean());
        Assert.False(root.TryGetProperty("removed", out _));
    }

    [Fact]
    public void InheritedAndRemovedItemsShowNoRuleAndTheirRemoval()
    {
        var item = Items.Issue("PAY-3", i => i with { Removed = new Removal(RemovalReason.OutOfScope, Items.AsOf), Category = StatusCategory.Cancelled });
        var mapping = new ItemMapping(item.Uid, "M-PCI", new Decision(DecisionKind.Inherited, "pci", ["jira:PAY-1"]), false);
        var view = ItemView.From(item, mapping);

        Assert.Null(view.Rule);
        Assert.Equal("inherited", view.DecidedBy.Kind);
        Assert.Equal(["jira:PAY-1"], view.DecidedBy.Via);
        Assert.Equal("outofscope", view.Removed);
        Assert.Equal("cancelled", view.Category);

        var unmapped = ItemView.From(Items.Issue("WEB-1"), null);
        Assert.Equal("none", unmapped.DecidedBy.Kind);
        Assert.False(unmapped.Untracked);
    }
}
