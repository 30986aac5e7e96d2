using StrategyLayer.Domain.Errors;
using StrategyLayer.Store.Specification.Support;
using Xunit;

namespace StrategyLayer.Store.LiteDb.Tests;

public sealed class StoreFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Opening_creates_the_folder_and_the_file()
    {
        var path = _temp.File("a/b/store.db");

        await using (var store = LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System }))
        {
            Assert.Equal(0, await store.CountItemsAsync(null, true, CancellationToken.None));
            Assert.Equal(Path.GetFullPath(path), store.Path);
            Assert.Equal(Path.GetFullPath(path), store.Description);
        }

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Enums_are_stored_as_the_lower_case_words_of_the_cli_and_the_schema_version_is_recorded()
    {
        var path = _temp.File("enums.db");
        await using (var store = LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System }))
        {
            await Commit(store, SpecItems.Jira("1", "PAY-1"));
            await Assert.ThrowsAsync<ArgumentException>(() => store.SetValueAsync("schemaVersion", "9", CancellationToken.None));
            Assert.DoesNotContain("schemaVersion", (await store.ValuesAsync(CancellationToken.None)).Keys);
        }

        using var db = Direct(path);
        var json = System.Text.Encoding.UTF8.GetString(db.GetCollection("items").FindById("jira/1")["j"].AsBinary);

        Assert.Contains("\"category\":\"inprogress\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"issue\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"uid\"", json, StringComparison.Ordinal);
        Assert.Equal("4", db.GetCollection("meta").FindById("schemaVersion")["v"].AsString);
    }

    [Fact]
    public async Task An_item_written_by_an_early_build_without_empty_collections_reads_back_with_empty_ones()
    {
        var path = await OneItemStoreAsync("early.db");
        using (var db = Direct(path))
        {
            var items = db.GetCollection("items");
            var doc = items.FindById("jira/1");
            var early = System.Text.Json.Nodes.JsonNode.Parse(doc["j"].AsBinary)!.AsObject();
            foreach (var name in new[] { "previousKeys", "labels", "components", "fixVersions", "links", "fields" })
            {
                Assert.True(early.Remove(name), name);
            }

            doc["j"] = System.Text.Encoding.UTF8.GetBytes(early.ToJsonString());
            items.Update(doc);
        }

        await using var reopened = LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System });
        var item = await reopened.FindItemAsync("PAY-1", CancellationToken.None);

        Assert.NotNull(item);
        Assert.Empty(item.Labels);
        Assert.Empty(item.PreviousKeys);
        Assert.Empty(item.Links);
        Assert.Empty(item.Fields);
    }

    [Fact]
    public void A_store_path_that_cannot_be_created_is_a_clear_runtime_error()
    {
        var blocker = _temp.File("not-a-folder");
        File.WriteAllText(blocker, "a file where a folder should be");
        var path = Path.Combine(blocker, "store.db");

        var error = Assert.Throws<StrategyLayerException>(() => LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System }));

        Assert.Equal(ErrorKind.Runtime, error.Kind);
        Assert.StartsWith($"store {path} cannot be opened: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schema_1_store_is_upgraded_in_place_and_still_finds_items_by_current_and_old_keys()
    {
        var path = _temp.File("v1.db");
        await using (var store = LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System }))
        {
            await Commit(store, SpecItems.Jira("1", "PAY-1"), SpecItems.Jira("2", "PAY-2"));
        }

        // What schema 1 looked like: no key index on items; every current key (and old ones) in "keys".
        using (var db = Direct(path))
        {
            Assert.True(db.GetCollection("items").DropIndex("lk"));
            var keys = db.GetCollection("keys");
            keys.Upsert(new LiteDB.BsonDocument { ["_id"] = "jira:pay-1", ["u"] = "jira/1", ["b"] = "pay-1" });
            keys.Upsert(new LiteDB.BsonDocument { ["_id"] = "jira:old-9", ["u"] = "jira/2", ["b"] = "old-9" });
            db.GetCollection("meta").Upsert(new LiteDB.BsonDocument { ["_id"] = "schemaVersion", ["v"] = "1" });
        }

        await using var upgraded = LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System });

        Assert.Equal("4", await upgraded.GetValueAsync("schemaVersion", CancellationToken.None));
        Assert.Equal("jira/1", (await upgraded.FindItemAsync("jira:pay-1", CancellationToken.None))!.Uid);
        Assert.Equal("jira/2", (await upgraded.FindItemAsync("PAY-2", CancellationToken.None))!.Uid);
        Assert.Equal("jira/2", (await upgraded.FindItemAsync("OLD-9", CancellationToken.None))!.Uid);
    }

    [Fact]
    public async Task A_schema_2_store_gets_its_items_states_so_a_sync_of_the_same_items_writes_nothing()
    {
        // What schema 2 looked like: each item's hash and updated time in the item, no state log.
        var (path, one, two) = await OldStoreAsync(2, (db, items) =>
        {
            foreach (var item in items)
            {
                var doc = db.GetCollection("items").FindById(item.Uid);
                doc["h"] = Documents.ItemDocument.Of(item).Hash;
                doc["upd"] = item.Updated.UtcTicks;
                db.GetCollection("items").Update(doc);
            }
        });

        await UpgradesAndWritesOnlyTheChangedItem(path, 2, one, two);
        using var db = Direct(path);
        Assert.False(db.GetCollection("items").FindById(two.Uid).ContainsKey("h")); // rewritten since: its state is kept apart only
    }

    [Fact]
    public async Task A_schema_3_store_gets_its_state_documents_in_the_log_and_loses_them()
    {
        // What schema 3 looked like: one state document per item.
        var (path, one, two) = await OldStoreAsync(3, (db, items) =>
        {
            foreach (var item in items)
            {
                db.GetCollection("states").Insert(new LiteDB.BsonDocument { ["_id"] = item.Uid, ["h"] = Documents.ItemDocument.Of(item).Hash, ["upd"] = item.Updated.UtcTicks });
            }
        });

        await UpgradesAndWritesOnlyTheChangedItem(path, 3, one, two);
        using var db = Direct(path);
        Assert.False(db.CollectionExists("states"));
    }

    /// <summary>A store of two items written now, then made to look as <paramref name="version"/> left it: no state log, and what <paramref name="reshape"/> adds.</summary>
    private async Task<(string Path, Domain.Items.WorkItem One, Domain.Items.WorkItem Two)> OldStoreAsync(int version, Action<LiteDB.LiteDatabase, Domain.Items.WorkItem[]> reshape)
    {
        var path = _temp.File($"v{version}.db");
        var one = SpecItems.Jira("1", "PAY-1");
        var two = SpecItems.Jira("2", "PAY-2");
        await using (var store = LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System }))
        {
            await Commit(store, one, two);
        }

        using var db = Direct(path);
        Assert.Equal(1, db.GetCollection("statelog").Count());
        reshape(db, [one, two]);
        Assert.True(db.DropCollection("statelog"));
        db.GetCollection("meta").Upsert(new LiteDB.BsonDocument { ["_id"] = "schemaVersion", ["v"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return (path, one, two);
    }

    [Fact]
    public async Task The_state_log_is_compacted_when_stale_entries_outnumber_the_live_ones_and_still_says_what_is_stored()
    {
        var path = _temp.File("log.db");
        var one = SpecItems.Jira("1", "PAY-1");
        var two = SpecItems.Jira("2", "PAY-2");
        var options = new LiteStoreOptions { TimeProvider = TimeProvider.System, Durability = LiteDurability.Queued };
        await using (var store = LiteStrategyStore.Open(path, options))
        {
            await using var sync = await store.BeginSyncAsync("jira", CancellationToken.None);
            for (var i = 0; i < 60; i++)
            {
                var page = new[] { one with { Title = $"one {i}" }, two with { Title = $"two {i}" } }.Select(SpecItems.Record).ToList();
                Assert.Equal(2, (await sync.CommitAsync("", page, [], "c", CancellationToken.None)).Upserted);
            }
        }

        Assert.Equal((60, 120), StateLogOf(path));

        await using (var store = LiteStrategyStore.Open(path, options))
        {
            await using var sync = await store.BeginSyncAsync("jira", CancellationToken.None);
            var again = await sync.CommitAsync("", new[] { one with { Title = "one 59" }, two with { Title = "two 58" } }.Select(SpecItems.Record).ToList(), [], "c", CancellationToken.None);
            Assert.Equal((1, 1), (again.Upserted, again.Unchanged));
        }

        // Compacted when the sync began (one document of the two live states), then one appended.
        Assert.Equal((2, 3), StateLogOf(path));
    }

    [Fact]
    public async Task A_damaged_state_log_document_is_named_when_a_sync_begins_and_the_store_still_reads()
    {
        var path = await OneItemStoreAsync("damaged.db");
        using (var db = Direct(path))
        {
            var log = db.GetCollection("statelog");
            var doc = log.FindAll().Single();
            doc["z"] = doc["z"].AsBinary[..^3]; // cut inside its last entry
            log.Update(doc);
        }

        await using var reopened = LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System });
        var error = await Assert.ThrowsAsync<StrategyLayerException>(() => reopened.BeginSyncAsync("jira", CancellationToken.None));

        Assert.Equal(ErrorKind.Runtime, error.Kind);
        Assert.StartsWith($"store {path}: the items' state log is damaged (document 'jira/000000000001' of collection 'statelog': ", error.Message, StringComparison.Ordinal);
        Assert.Equal("jira/1", (await reopened.FindItemAsync("jira:PAY-1", CancellationToken.None))!.Uid);

        // The source's lock was given back: the next attempt fails for the same reason, not by waiting.
        await Assert.ThrowsAsync<StrategyLayerException>(() => reopened.BeginSyncAsync("jira", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>The file opened with LiteDB alone, as an older build or a damaged disk would leave it.</summary>
    private static LiteDB.LiteDatabase Direct(string path) =>
        new(new LiteDB.ConnectionString { Filename = path, Connection = LiteDB.ConnectionType.Direct });

    /// <summary>A store holding jira/1 (PAY-1), closed.</summary>
    private async Task<string> OneItemStoreAsync(string name)
    {
        var path = _temp.File(name);
        await using var store = LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System });
        await Commit(store, SpecItems.Jira("1", "PAY-1"));
        return path;
    }

    /// <summary>Documents and entries in the file's state log (the store closed).</summary>
    private static (int Documents, int Entries) StateLogOf(string path)
    {
        using var db = Direct(path);
        var docs = db.GetCollection("statelog").FindAll().ToList();
        return (docs.Count, docs.Sum(d => d["n"].AsInt32));
    }

    private static async Task UpgradesAndWritesOnlyTheChangedItem(string path, int from, Domain.Items.WorkItem one, Domain.Items.WorkItem two)
    {
        var told = new List<string>();
        await using (var upgraded = LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System, Upgrading = told.Add }))
        {
            Assert.Equal($"store {path}: upgrading from schema {from} to 4 (the items' hashes kept in a compact log, so a sync need not read every item when it begins and writes less): once, 2 items", Assert.Single(told));
            Assert.Equal("4", await upgraded.GetValueAsync("schemaVersion", CancellationToken.None));
            await using var sync = await upgraded.BeginSyncAsync("jira", CancellationToken.None);
            var again = await sync.CommitAsync("", new[] { one, two with { Title = "changed" } }.Select(SpecItems.Record).ToList(), [], "c2", CancellationToken.None);
            Assert.Equal((1, 1), (again.Upserted, again.Unchanged));
        }

        await using (var reopened = LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System, Upgrading = told.Add }))
        {
            Assert.Single(told);
            await using var sync = await reopened.BeginSyncAsync("jira", CancellationToken.None);
            var same = await sync.CommitAsync("", new[] { one, two with { Title = "changed" } }.Select(SpecItems.Record).ToList(), [], "c3", CancellationToken.None);
            Assert.Equal((0, 2), (same.Upserted, same.Unchanged));
        }
    }

    [Fact]
    public void A_store_written_by_a_newer_version_is_refused_as_usage_without_being_touched()
    {
        var path = _temp.File("newer.db");
        using (LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System }))
        {
        }

        using (var db = Direct(path))
        {
            db.GetCollection("meta").Upsert(new LiteDB.BsonDocument { ["_id"] = "schemaVersion", ["v"] = "5" });
        }

        var error = Assert.Throws<StrategyLayerException>(() => LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System }));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Equal($"store {path} was written by a newer version (schema 5); this build reads up to 4", error.Message);

        // Refusing released the lock: the next attempt is refused for the same reason, not as locked.
        Assert.Equal(ErrorKind.Usage, Assert.Throws<StrategyLayerException>(() => LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System })).Kind);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("random")]
    [InlineData("truncated")]
    [InlineData("cut")]
    public async Task A_file_that_is_not_a_store_is_a_clear_runtime_error_naming_it(string damage)
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
                await using (var store = LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System }))
                {
                    await Commit(store, SpecItems.Jira("1", "PAY-1"));
                }

                var whole = File.ReadAllBytes(path);
                File.WriteAllBytes(path, whole.AsSpan(0, damage == "truncated" ? 100 : 8192 + 4000).ToArray());
                break;
        }

        var error = await Assert.ThrowsAnyAsync<StrategyLayerException>(async () =>
        {
            await using var store = LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System });
            await store.CountItemsAsync(null, true, CancellationToken.None);
        });

        Assert.Equal(ErrorKind.Runtime, error.Kind);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a readable StrategyLayer store", error.Message, StringComparison.Ordinal);
    }

    private static async Task Commit(IItemSync store, params Domain.Items.WorkItem[] items)
    {
        await using var sync = await store.BeginSyncAsync("jira", CancellationToken.None);
        await sync.CommitAsync("", items.Select(SpecItems.Record).ToList(), [], "c", CancellationToken.None);
    }
}
