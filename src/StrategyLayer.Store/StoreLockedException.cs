using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Store;

/// <summary>
/// Another process holds the store (exit 1), on an engine with one writer process. Names the
/// holder when the engine can tell who it is.
/// </summary>
public sealed class StoreLockedException : StrategyLayerException
{
    public StoreLockedException(string storePath, LockHolder? holder)
        : base(
            $"store {storePath} is in use by {holder?.Describe() ?? "another process"}; stop it or run the web view inside it with `schedule --serve`",
            ErrorKind.Runtime,
            storePath)
    {
        StorePath = storePath;
        Holder = holder;
    }

    public string StorePath { get; }

    public LockHolder? Holder { get; }
}
