namespace StrategyLayer.Store.LiteDb.Files;

/// <summary>
/// A LiteDB read (synchronous, on the caller's thread) offered as an async stream: each step runs the
/// next part of the read and completes at once, with no state machine or task per item. Cancellation
/// is checked at every step. The read takes its own turns at the engine
/// (<see cref="LiteFile.Read{T}"/>), a chunk at a time, never one per item: a stream beside a writer
/// waits for at most one commit per chunk.
/// </summary>
/// <param name="read">Starts the read (called once per enumeration).</param>
/// <param name="cancellationToken">The token the stream was asked with; the enumerator's own is checked too.</param>
internal sealed class SyncSequence<T>(Func<IEnumerable<T>> read, CancellationToken cancellationToken) : IAsyncEnumerable<T>
{
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken enumeratorToken = default) =>
        new Enumerator(read().GetEnumerator(), cancellationToken, enumeratorToken);

    private sealed class Enumerator(IEnumerator<T> inner, CancellationToken first, CancellationToken second) : IAsyncEnumerator<T>
    {
        public T Current => inner.Current;

        public ValueTask<bool> MoveNextAsync()
        {
            first.ThrowIfCancellationRequested();
            second.ThrowIfCancellationRequested();
            return ValueTask.FromResult(inner.MoveNext());
        }

        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
