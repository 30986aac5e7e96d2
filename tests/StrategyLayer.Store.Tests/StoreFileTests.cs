using StrategyLayer.Domain.Errors;
using StrategyLayer.Store.Tests.Support;
using Xunit;

namespace StrategyLayer.Store.Tests;

public sealed class StoreFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Opening_creates_the_folder_and_the_file()
    {
        var path = _temp.File("a/b/store.db");

        using (var store = LiteStrategyStore.Open(path))
        {
            Assert.Equal(0, store.CountItems());
            Assert.Equal(Path.GetFullPath(path), store.Path);
        }

        Assert.True(File.Exists(path));
    }

    [Fact]
    public void A_store_path_that_cannot_be_created_is_a_clear_runtime_error()
    {
        var blocker = _temp.File("not-a-folder");
        File.WriteAllText(blocker, "a file where a folder should be");
        var path = Path.Combine(blocker, "store.db");

        var error = Assert.Throws<StrategyLayerException>(() => LiteStrategyStore.Open(path));

        Assert.Equal(ErrorKind.Runtime, error.Kind);
        Assert.StartsWith($"store {path} cannot be opened: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_1_store_is_upgraded_in_place_and_still_finds_items_by_current_and_old_keys()
    {
        var path = _temp.File("v1.db");
        using (var store = LiteStrategyStore.Open(path))
        {
            store.CommitPage("jira", "", [Items.Record(Items.Jira("1", "PAY-1")), Items.Record(Items.Jira("2", "PAY-2"))], [], "a");
        }

        // What schema 1 looked like: no key index on items; every current key (and old ones) in "keys".
        using (var db = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = path, Connection = LiteDB.ConnectionType.Direct }))
        {
            Assert.True(db.GetCollection("items").DropIndex("lk"));
            var keys = db.GetCollection("keys");
            keys.Upsert(new LiteDB.BsonDocument { ["_id"] = "jira:pay-1", ["u"] = "jira/1", ["b"] = "pay-1" });
            keys.Upsert(new LiteDB.BsonDocument { ["_id"] = "jira:old-9", ["u"] = "jira/2", ["b"] = "old-9" });
            db.GetCollection("meta").Upsert(new LiteDB.BsonDocument { ["_id"] = "schemaVersion", ["v"] = "1" });
        }

        using var upgraded = LiteStrategyStore.Open(path);

        Assert.Equal("2", upgraded.GetMeta("schemaVersion"));
        Assert.Equal("jira/1", upgraded.FindItem("jira:pay-1")!.Uid);
        Assert.Equal("jira/2", upgraded.FindItem("PAY-2")!.Uid);
        Assert.Equal("jira/2", upgraded.FindItem("OLD-9")!.Uid);
    }

    [Fact]
    public void A_store_written_by_a_newer_version_is_refused_as_usage_without_being_touched()
    {
        var path = _temp.File("newer.db");
        using (LiteStrategyStore.Open(path))
        {
        }

        using (var db = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = path, Connection = LiteDB.ConnectionType.Direct }))
        {
            db.GetCollection("meta").Upsert(new LiteDB.BsonDocument { ["_id"] = "schemaVersion", ["v"] = "3" });
        }

        var error = Assert.Throws<StrategyLayerException>(() => LiteStrategyStore.Open(path));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Equal($"store {path} was written by a newer version (schema 3); this build reads up to 2", error.Message);

        // Refusing released the lock: the next attempt is refused for the same reason, not as locked.
        Assert.Equal(ErrorKind.Usage, Assert.Throws<StrategyLayerException>(() => LiteStrategyStore.Open(path)).Kind);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("random")]
    [InlineData("truncated")]
    [InlineData("cut")]
    public void A_file_that_is_not_a_store_is_a_clear_runtime_error_naming_it(string damage)
    {
        var path = _temp.File("broken-" + damage + ".db");
        switch (damage)
        {
            case "text":
                File.WriteAllText(path, "{ \"this\": \"is a config file, not a store\" }\n" + new string('x', 20000));
                break;
            case "random":
                var bytes = new byte[64 * 1024];
                new Random(3).NextBytes(bytes);
                File.WriteAllBytes(path, bytes);
                break;
            default: // a store cut short: inside its header page, or inside its second page
                using (var store = LiteStrategyStore.Open(path))
                {
                    store.CommitPage("jira", "", [Items.Record(Items.Jira("1", "PAY-1"))], [], "c");
                }

                var whole = File.ReadAllBytes(path);
                File.WriteAllBytes(path, whole.AsSpan(0, damage == "truncated" ? 100 : 8192 + 4000).ToArray());
                break;
        }

        var error = Assert.ThrowsAny<StrategyLayerException>(() =>
        {
            using var store = LiteStrategyStore.Open(path);
            store.CountItems();
        });

        Assert.Equal(ErrorKind.Runtime, error.Kind);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a readable StrategyLayer store", error.Message, StringComparison.Ordinal);
    }
}
