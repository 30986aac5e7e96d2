namespace StrategyLayer.Store.LiteDb.Files;

/// <summary>
/// A LiteDB read (synchronous, on the caller's thread) offered as an async stream: each step runs the
/// next part of the read and completes at once, with no state machine or task per item. Cancellation
/// is checked at every step. Each step runs alone in the engine (<see cref="LiteFile.Read{T}"/>), so
/// the read must fetch in chunks it materialises, never hold a LiteDB cursor across steps.
/// </summary>
/// <param name="file">The file read.</param>
/// <param name="read">Starts the read (called once per enumeration).</param>
/// <param name="cancellationToken">The token the stream was asked with; the enumerator's own is checked too.</param>
internal sealed class SyncSequence<T>(LiteFile file, Func<IEnumerable<T>> read, CancellationToken cancellationToken) : IAsyncEnumerable<T>
{
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken enumeratorToken = default) =>
        new Enumerator(file, read().GetEnumerator(), cancellationToken, enumeratorToken);

    private sealed class Enumerator(LiteFile file, IEnumerator<T> inner, CancellationToken first, CancellationToken second) : IAsyncEnumerator<T>
    {
        public T Current => inner.Current;

        public ValueTask<bool> MoveNextAsync()
        {
            first.ThrowIfCancellationRequested();
            second.ThrowIfCancellationRequested();
            return ValueTask.FromResult(file.Read(inner.MoveNext));
        }

        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
