using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Store.LiteDb.Locking;

/// <summary>Another process holds the store (exit 1). Names the holder when the lock file says who it is.</summary>
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
