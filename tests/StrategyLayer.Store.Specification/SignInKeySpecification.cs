namespace StrategyLayer.Store.Specification;

/// <summary>The role "sign-in keys" (<see cref="ISignInKeys"/>).</summary>
public abstract class SignInKeySpecification<TFixture>(TFixture fixture) : StoreSpecification<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    private const string KeyXml = """<key id="5b8f1f3e-0000-4000-8000-000000000001" version="1"><creationDate>2026-01-05T09:00:00Z</creationDate><descriptor>secret ünïcode &amp; "quoted"</descriptor></key>""";

    [Fact]
    public async Task A_new_store_has_no_sign_in_keys()
    {
        var store = await NewStoreAsync();

        Assert.Empty(store.SignInKeys());
    }

    [Fact]
    public async Task Sign_in_keys_persist_in_the_order_added_and_a_repeated_name_adds_another()
    {
        var store = await NewStoreAsync();
        store.AddSignInKey("key-5b8f1f3e-0000-4000-8000-000000000001", KeyXml);
        for (var i = 2; i <= 12; i++)
        {
            store.AddSignInKey("revocation-1", $"<revocation n=\"{i}\" />");
        }

        var reopened = await ReopenAsync(store);
        var elements = reopened.SignInKeys();

        Assert.Equal(12, elements.Count);
        Assert.Equal(KeyXml, elements[0]);
        Assert.Equal([.. Enumerable.Range(2, 11).Select(i => $"<revocation n=\"{i}\" />")], elements.Skip(1));
    }

    [Fact]
    public async Task Sign_in_keys_are_not_named_values()
    {
        var store = await NewStoreAsync();
        store.AddSignInKey("key-5b8f1f3e-0000-4000-8000-000000000001", KeyXml);

        Assert.Empty(await store.ValuesAsync(None));
        Assert.Null(await store.GetValueAsync("key-5b8f1f3e-0000-4000-8000-000000000001", None));
    }
}
