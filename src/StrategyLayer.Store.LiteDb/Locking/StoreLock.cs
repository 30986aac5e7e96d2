using System.Diagnostics;
using System.Text;

namespace StrategyLayer.Store.LiteDb.Locking;

/// <summary>
/// The one-writer lock: <c>&lt;store&gt;.lock</c> held open with <see cref="FileShare.None"/> (an
/// exclusive flock on Unix) for the life of the store, with the holder written into it. The OS drops
/// the lock when the holder dies, so a lock file left by a killed process is simply taken over.
/// The file is never deleted: deleting it while another process opens it would let two holders lock
/// two different files.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    private readonly FileStream _stream;

    private StoreLock(string path, FileStream stream, LockHolder holder)
    {
        Path = path;
        _stream = stream;
        Holder = holder;
    }

    public string Path { get; }

    public LockHolder Holder { get; }

    public static StoreLock Acquire(string storePath, string displayPath, TimeSpan timeout, TimeProvider time)
    {
        var path = storePath + ".lock";
        var started = time.GetTimestamp();
        while (true)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(path))
            {
                if (time.GetElapsedTime(started) >= timeout)
                {
                    throw new StoreLockedException(displayPath, ReadHolder(path));
                }

                Thread.Sleep(100);
                continue;
            }

            var holder = CurrentHolder(time);
            var bytes = Encoding.UTF8.GetBytes(LockFileText.Format(holder));
            stream.SetLength(0);
            stream.Write(bytes);
            stream.Flush(flushToDisk: false);
            return new StoreLock(path, stream, holder);
        }
    }

    /// <summary>The holder named in a lock file, or null when it is empty or unreadable.</summary>
    public static LockHolder? ReadHolder(string lockPath)
    {
        var text = LockedFile.TryReadText(lockPath);
        return text is null ? null : LockFileText.Parse(text);
    }

    public void Dispose()
    {
        try
        {
            // An empty lock file reads as "free" to anyone who looks at it by hand.
            _stream.SetLength(0);
        }
        catch (IOException)
        {
        }

        _stream.Dispose();
    }

    private static LockHolder CurrentHolder(TimeProvider time)
    {
        using var self = Process.GetCurrentProcess();
        DateTimeOffset? processStarted = null;
        try
        {
            processStarted = new DateTimeOffset(self.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (InvalidOperationException)
        {
        }

        return new LockHolder(Environment.ProcessId, self.ProcessName, CommandLine(), processStarted, time.GetUtcNow());
    }

    /// <summary><c>strategylayer schedule</c> rather than <c>/usr/share/dotnet/dotnet /app/strategylayer.dll schedule</c>.</summary>
    private static string CommandLine()
    {
        var args = Environment.GetCommandLineArgs();
        if (args.Length == 0)
        {
            return "?";
        }

        var program = System.IO.Path.GetFileNameWithoutExtension(args[0]);
        return string.Join(' ', new[] { program }.Concat(args.Skip(1)));
    }
}
