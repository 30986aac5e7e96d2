namespace StrategyLayer.Application.Tests.Support;

/// <summary>The sandbox world with one store synced and mapped once, for the read use cases.</summary>
public sealed class MappedWorld : SandboxWorld
{
    internal StrategyApp App { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (App, _) = NewApp("mapped");
        await App.Sync.RunAsync(null, false, CancellationToken.None);
        await App.Map.RunAsync(false, CancellationToken.None);
    }
}
