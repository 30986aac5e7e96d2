using System.Collections;
using System.Text.Json;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.Documents;
using Xunit;

namespace StrategyLayer.Store.LiteDb.Tests;

/// <summary>
/// Stored items are read by a one-pass reader (<see cref="StoredItemReader"/>) with the general
/// serializer behind it: both must give the same item for every property the store writes.
/// </summary>
public sealed class StoredItemJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 12, 34, 56, 789, TimeSpan.FromHours(1));

    public static TheoryData<string> Items() => ["full", "required only", "text to escape", "empty collections", "every category"];

    [Theory]
    [MemberData(nameof(Items))]
    public void The_one_pass_reader_reads_what_the_general_serializer_reads(string name)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(Item(name), StoreJson.WorkItem);

        var fast = StoredItemReader.TryRead(json);
        var general = StoreJson.Filled(JsonSerializer.Deserialize(json, StoreJson.WorkItemReader)!);

        Assert.NotNull(fast);
        Assert.Equal(JsonSerializer.Serialize(general, StoreJson.WorkItem), JsonSerializer.Serialize(fast, StoreJson.WorkItem));
        Assert.Equal(general.Updated.Offset, fast.Updated.Offset);
        Assert.Equal(JsonSerializer.Serialize(general, StoreJson.WorkItem), JsonSerializer.Serialize(StoreJson.ReadItem(json)!, StoreJson.WorkItem));
    }

    [Theory]
    [MemberData(nameof(Items))]
    public void The_one_pass_writer_writes_the_bytes_the_general_serializer_writes_so_content_hashes_stay(string name)
    {
        var item = Item(name);

        var general = JsonSerializer.SerializeToUtf8Bytes(item, StoreJson.WorkItem);

        Assert.Equal(System.Text.Encoding.UTF8.GetString(general), System.Text.Encoding.UTF8.GetString(StoredItemWriter.ToUtf8Bytes(item)));
        var stored = item with { PreviousKeys = [], Removed = null };
        Assert.Equal(ContentHash.Of(JsonSerializer.SerializeToUtf8Bytes(stored, StoreJson.WorkItem)), ItemDocument.Of(item).Hash);
    }

    [Fact]
    public void The_full_item_sets_every_property_so_a_new_property_cannot_go_unread()
    {
        var item = Item("full");
        var unset = typeof(WorkItem).GetProperties()
            .Where(p => p.CanWrite)
            .Where(p => p.GetValue(item) is null or ICollection { Count: 0 } || Equals(p.GetValue(item), p.PropertyType.IsValueType ? Activator.CreateInstance(p.PropertyType) : null))
            .Select(p => p.Name)
            .ToList();

        Assert.Empty(unset);
    }

    [Fact]
    public void Values_many_items_share_are_one_string_while_titles_are_their_own()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(Item("full"), StoreJson.WorkItem);

        var first = StoredItemReader.TryRead(json)!;
        var second = StoredItemReader.TryRead(json)!;

        Assert.Same(first.Team, second.Team);
        Assert.Same(first.Status, second.Status);
        Assert.Same(first.Labels[0], second.Labels[0]);
        Assert.Same(first.Fields.Keys.First(), second.Fields.Keys.First());
        Assert.NotSame(first.Title, second.Title);
        Assert.Equal(first.Title, second.Title);
    }

    [Fact]
    public void A_document_with_a_property_this_build_does_not_know_is_still_read_by_the_general_serializer()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(Item("required only"), StoreJson.WorkItem);
        var withMore = System.Text.Encoding.UTF8.GetBytes("{\"later\":[1,{\"a\":2}]," + System.Text.Encoding.UTF8.GetString(json)[1..]);

        Assert.Null(StoredItemReader.TryRead(withMore));
        Assert.Equal("PAY-1", StoreJson.ReadItem(withMore)!.Key);
        Assert.Null(StoredItemReader.TryRead("[1]"u8));
        Assert.Null(StoredItemReader.TryRead("{\"kind\":\"7\",\"source\":\"jira\"}"u8));
    }

    private static WorkItem Item(string name) => name switch
    {
        "full" => new WorkItem
        {
            Source = "jira",
            SourceId = "10001",
            Key = "PAY-1",
            PreviousKeys = ["OLD-1", "OLDER-1"],
            Kind = WorkItemKind.Incident,
            Table = "incident",
            Title = "Tokenize card data",
            Description = "line one\nline two",
            Status = "In Progress",
            StatusCode = "2",
            Category = StatusCategory.InProgress,
            Resolution = "Won't Do",
            Type = "Story",
            Priority = "High",
            PriorityRank = 2,
            Project = "PAY",
            Team = "Payments",
            Assignee = "Ana",
            Reporter = "Bo",
            Labels = ["pci", "tokenization"],
            Components = ["Vault"],
            FixVersions = ["2026.12"],
            Parent = "PAY-0",
            Epic = "PAY-E",
            Links = [new ItemLink("is blocked by", "OPS-4", "Open", StatusCategory.ToDo, "OPS"), new ItemLink("blocks", "WEB-3")],
            Created = At.AddDays(-30),
            Updated = At,
            Resolved = At.AddHours(1),
            Due = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
            Estimate = 5.5,
            BrowseUrl = "https://jira.example/browse/PAY-1",
            Fields = new Dictionary<string, string?> { ["tier"] = "Gold / EU", ["empty"] = null },
            Removed = new Removal(RemovalReason.OutOfScope, At.AddDays(1)),
        },
        "text to escape" => Item("required only") with
        {
            Title = "\"Quotes\" \\ back\tslash <b>&amp;</b> 支付 🚀 \u0001",
            Labels = ["a\"b", "ü"],
            Fields = new Dictionary<string, string?> { ["naïve \"key\""] = "value\nwith line" },
        },
        "empty collections" => Item("required only") with { Labels = [], Links = [], Fields = new Dictionary<string, string?>() },
        "every category" => Item("required only") with
        {
            Kind = WorkItemKind.Request,
            Category = StatusCategory.Cancelled,
            Links = [.. Enum.GetValues<StatusCategory>().Select(c => new ItemLink("blocks", "K-" + c, TargetCategory: c))],
            Estimate = 0.1 + 0.2,
            PriorityRank = -3,
            Removed = new Removal(RemovalReason.Deleted, At),
        },
        _ => new WorkItem
        {
            Source = "jira",
            SourceId = "10001",
            Key = "PAY-1",
            Kind = WorkItemKind.Issue,
            Title = "Tokenize card data",
            Status = "To Do",
            Category = StatusCategory.ToDo,
            Created = At,
            Updated = At,
        },
    };
}
