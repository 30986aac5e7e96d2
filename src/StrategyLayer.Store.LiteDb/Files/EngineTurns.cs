namespace StrategyLayer.Store.LiteDb.Files;

/// <summary>
/// Turns at the LiteDB engine, one at a time and first come, first served (see
/// <see cref="LiteFile.Read{T}"/>): a read that arrives while a commit runs goes right after it, before
/// the writer's next commit, however quickly the writer comes back (a sync prepares its next batch while
/// one commits, so its commits follow each other closely; an unfair lock could keep a reader waiting
/// through many). Re-entrant on the thread that holds the turn: a read inside a write's work is the
/// write's own.
/// </summary>
internal sealed class EngineTurns
{
    private readonly object _queue = new();
    private long _nextTicket;
    private long _serving;
    private Thread? _holder;

    public bool IsHeldByCurrentThread => ReferenceEquals(Volatile.Read(ref _holder), Thread.CurrentThread);

    /// <summary>Runs <paramref name="work"/> (synchronous: the turn belongs to the thread) in a turn of its own.</summary>
    public T Run<T>(Func<T> work)
    {
        if (IsHeldByCurrentThread)
        {
            return work();
        }

        lock (_queue)
        {
            var ticket = _nextTicket++;
            while (ticket != _serving)
            {
                Monitor.Wait(_queue);
            }

            Volatile.Write(ref _holder, Thread.CurrentThread);
        }

        try
        {
            return work();
        }
        finally
        {
            lock (_queue)
            {
                Volatile.Write(ref _holder, null);
                _serving++;
                Monitor.PulseAll(_queue);
            }
        }
    }
}
