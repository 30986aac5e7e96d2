namespace StrategyLayer.Cli.Progress;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports on the caller's thread, at once and in order
/// (<see cref="Progress{T}"/> posts to the thread pool, so a late report can overwrite a newer one).
/// </summary>
internal sealed class Reporter<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
