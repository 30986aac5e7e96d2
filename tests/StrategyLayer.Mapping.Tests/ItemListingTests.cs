using StrategyLayer.Domain.Errors;
using StrategyLayer.Mapping.Tests.Support;

namespace StrategyLayer.Mapping.Tests;

public sealed class ItemListingTests : IAsyncLifetime, IDisposable
{
    private readonly StoreFile _file = new();

    public async Task InitializeAsync()
    {
        await _file.Put(
            Items.Issue("PAY-1", i => i with { Labels = ["pci"] }),
            Items.Issue("PAY-2"),
            Items.Issue("WEB-1", i => i with { Labels = ["pci"] }),
            Items.Incident("INC1", "Service Desk", 1));
        await MapRun.ExecuteAsync(_file.Store, Trees.With("M-PCI"), Trees.Rules(null, ("pci", "project = PAY and labels = pci", "M-PCI")), Items.AsOf, null, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task ItemsAreFilteredByUntrackedMeasureTeamAndQuery()
    {
        async Task<List<string>> Ids(ItemListQuery q) => await ItemListing.List(_file.Store, q with { AsOf = Items.AsOf }, CancellationToken.None).Select(v => v.Id).ToListAsync();

        Assert.Equal(4, (await Ids(new ItemListQuery())).Count);
        Assert.Equal(["jira:PAY-2", "jira:WEB-1", "servicenow:INC1"], (await Ids(new ItemListQuery { UntrackedOnly = true })).Order());
        Assert.Equal(["jira:PAY-1"], (await Ids(new ItemListQuery { Measure = "m-pci" })));
        Assert.Equal(["servicenow:INC1"], (await Ids(new ItemListQuery { Team = "service desk" })));
        Assert.Equal(["jira:PAY-1", "jira:WEB-1"], (await Ids(new ItemListQuery { Query = "labels = pci" })).Order());
        Assert.Equal(["jira:WEB-1"], (await Ids(new ItemListQuery { Query = "labels = pci", UntrackedOnly = true })));
    }

    [Fact]
    public void ABadQueryFailsBeforeAnyItemIsRead()
    {
        var ex = Assert.Throws<DiagnosticsException>(() => ItemListing.List(_file.Store, new ItemListQuery { Query = "labels = = pci", AsOf = Items.AsOf }, CancellationToken.None));
        Assert.Equal(10, ex.Diagnostics[0].Column);
    }
}
