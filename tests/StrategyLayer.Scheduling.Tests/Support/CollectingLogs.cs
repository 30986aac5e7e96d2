using Microsoft.Extensions.Logging;

namespace StrategyLayer.Scheduling.Tests.Support;

/// <summary>
/// A logger factory that keeps every entry, so a test can wait for what the scheduler says it
/// did (a run started, a firing skipped) instead of sleeping, and check that failures carry
/// their exception.
/// </summary>
public sealed class CollectingLogs : ILoggerFactory
{
    private readonly List<LogEntry> _entries = [];
    private readonly List<(Func<IReadOnlyList<LogEntry>, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public int Count(Func<LogEntry, bool> match) => Entries.Count(match);

    /// <summary>Completes once <paramref name="match"/> has been logged <paramref name="times"/> times; fails the test after <paramref name="limit"/>.</summary>
    public async Task WaitForAsync(Func<LogEntry, bool> match, int times = 1, TimeSpan? limit = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<IReadOnlyList<LogEntry>, bool> condition = entries => entries.Count(match) >= times;
        lock (_entries)
        {
            if (condition(_entries))
            {
                return;
            }

            _waiters.Add((condition, done));
        }

        try
        {
            await done.Task.WaitAsync(limit ?? TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"expected {times} matching log entries; the log holds:\n{string.Join("\n", Entries.Select(e => $"  {e.Level} {e.Category}: {e.Message}"))}");
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Condition(_entries))
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private sealed class Logger(CollectingLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}

public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception)
{
    public bool From<T>() => Category == typeof(T).FullName;
}
