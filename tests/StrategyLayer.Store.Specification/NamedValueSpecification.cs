namespace StrategyLayer.Store.Specification;

/// <summary>The role "named values" (<see cref="INamedValues"/>).</summary>
public abstract class NamedValueSpecification<TFixture>(TFixture fixture) : StoreSpecification<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    [Fact]
    public async Task Named_values_persist_replace_and_list_without_the_engines_own()
    {
        var store = await NewStoreAsync();
        await store.SetValueAsync("rulesHash", "abc", None);
        await store.SetValueAsync("rulesHash", "def", None);
        await store.SetValueAsync("mapping.watermark.jira", "638000000000000000", None);
        var reopened = await ReopenAsync(store);

        Assert.Equal("def", await reopened.GetValueAsync("rulesHash", None));
        Assert.Null(await reopened.GetValueAsync("lastFullSync", None));
        var values = await reopened.ValuesAsync(None);
        Assert.Equal(2, values.Count);
        Assert.Equal("def", values["rulesHash"]);
        Assert.Equal("638000000000000000", values["mapping.watermark.jira"]);
    }

    [Fact]
    public async Task A_value_holds_any_text()
    {
        var store = await NewStoreAsync();
        const string text = "2026-11-02T09:30:00.0000000+01:00 ünïcode \"quoted\"\nsecond line";

        await store.SetValueAsync("deletions:servicenow:incident", text, None);

        Assert.Equal(text, await store.GetValueAsync("deletions:servicenow:incident", None));
    }
}
