using System.Text.Json;

namespace StrategyLayer.Cli.Reading;

/// <summary>
/// <c>&lt;store&gt;.reader</c>: where the process that holds a store answers reads (a loopback URL)
/// and the token it asks for. Only the holder writes it (readable by its user alone), and deletes
/// it when it lets go of the store.
/// </summary>
internal sealed record ReaderFile(int ProcessId, string Url, string Token)
{
    public static string PathFor(string storePath) => storePath + ".reader";

    public void Write(string storePath)
    {
        var path = PathFor(storePath);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        JsonSerializer.Serialize(stream, this);
    }

    /// <summary>The file of the store's holder, or null when there is none or it names another process.</summary>
    public static ReaderFile? Read(string storePath, int? holder)
    {
        try
        {
            var file = JsonSerializer.Deserialize<ReaderFile>(File.ReadAllText(PathFor(storePath)));
            return file is not null && (holder is null || file.ProcessId == holder) ? file : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public static void Delete(string storePath)
    {
        try
        {
            File.Delete(PathFor(storePath));
        }
        catch (IOException)
        {
            // Left behind, it names a process that is gone: readers ignore it.
        }
    }
}
