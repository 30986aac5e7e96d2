using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;
using Xunit;

namespace StrategyLayer.Domain.Tests;

public sealed class ItemIdTests
{
    [Theory]
    [InlineData("jira:PAY-123", "jira", "PAY-123")]
    [InlineData("servicenow:INC0010001", "servicenow", "INC0010001")]
    [InlineData("PAY-123", null, "PAY-123")]
    [InlineData(":odd", null, ":odd")]
    public void An_item_name_splits_into_source_and_key(string id, string? source, string key)
    {
        var (s, k) = ItemId.Parse(id);

        Assert.Equal(source, s);
        Assert.Equal(key, k);
    }

    [Fact]
    public void A_work_item_is_named_by_key_and_stored_by_immutable_id()
    {
        var item = new WorkItem
        {
            Source = "jira",
            SourceId = "10042",
            Key = "PAY-7",
            Kind = WorkItemKind.Issue,
            Title = "t",
            Status = "To Do",
            Category = StatusCategory.ToDo,
            Created = DateTimeOffset.UnixEpoch,
            Updated = DateTimeOffset.UnixEpoch,
        };

        Assert.Equal("jira:PAY-7", item.Id);
        Assert.Equal("jira/10042", item.Uid);
        Assert.Equal("jira/10042", (item with { Key = "OPS-1" }).Uid);
    }

    [Fact]
    public void A_diagnostic_says_file_line_column_and_path()
    {
        var d = new Diagnostic("unknown key 'x'", "/cfg/a.json", 3, 5, "$.x");

        Assert.Equal("/cfg/a.json(3,5) $.x: unknown key 'x'", d.ToString());
        Assert.Equal("no file", new Diagnostic("no file").ToString());
    }
}
