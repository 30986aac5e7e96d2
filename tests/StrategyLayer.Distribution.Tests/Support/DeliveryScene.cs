using Microsoft.Extensions.Time.Testing;

namespace StrategyLayer.Tests.Support;

/// <summary>
/// What every delivery test starts from: a temp folder for packs, a real LiteDB store file for the
/// outbox, and a fake clock at the first of December 2026, 06:00 UTC; all disposed with the test.
/// </summary>
public abstract class DeliveryScene : IDisposable
{
    protected TempFolder Folder { get; } = new();

    protected StoreFile StoreFile { get; } = new();

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        StoreFile.Dispose();
        Folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
