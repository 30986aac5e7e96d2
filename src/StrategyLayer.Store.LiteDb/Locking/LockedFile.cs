using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace StrategyLayer.Store.LiteDb.Locking;

/// <summary>
/// Reads a file another process holds with <see cref="FileShare.None"/>. On Unix .NET turns that into
/// an advisory flock, and every path-based open in .NET asks for a shared flock, so it would be refused;
/// a plain open(2) ignores advisory locks and reads the holder's note. On Windows the lock is
/// mandatory: the holder stays unnamed there.
/// </summary>
internal static partial class LockedFile
{
    private const int ReadOnly = 0;

    public static string? TryReadText(string path)
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                return File.ReadAllText(path);
            }

            nint fd = Open(path, ReadOnly);
            if (fd < 0)
            {
                return null;
            }

            using var handle = new SafeFileHandle(fd, ownsHandle: true);
            using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);
}
