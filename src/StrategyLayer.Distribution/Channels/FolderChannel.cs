using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Distribution.Channels;

/// <summary>
/// Copies the pack into a folder (a share), under a sub-folder per period:
/// <c>{path}/2026-11/portfolio-pack-2026-11.html</c>. Each file is written to a temporary file in
/// the same folder and then moved over the target, so a reader never sees half a pack.
/// </summary>
public sealed class FolderChannel : IDeliveryChannel
{
    public string Type => "folder";

    public IReadOnlyList<string?> Recipients(ChannelSettings channel) => [null];

    public Task SendAsync(ChannelSettings channel, OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(channel.Path))
        {
            throw new DeliveryException(channel.Name, "no 'path'");
        }

        var period = message.Delivery.Period;
        if (message.IsNotice)
        {
            var name = $"exceptions-{period}-{message.Delivery.Id[..8]}.txt";
            var target = Resolve(channel, period, name);
            WriteAtomically(target, tmp => File.WriteAllText(tmp, message.Subject + Environment.NewLine + Environment.NewLine + message.Text));
            return Task.CompletedTask;
        }

        foreach (var file in message.Delivery.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!File.Exists(file))
            {
                throw new DeliveryException(channel.Name, $"pack file '{file}' does not exist");
            }

            var target = Resolve(channel, period, NameWithPeriod(Path.GetFileName(file), period));
            WriteAtomically(target, tmp => File.Copy(file, tmp, overwrite: true));
        }

        return Task.CompletedTask;
    }

    /// <summary>The file name, with the period appended before the extension unless it already carries it.</summary>
    public static string NameWithPeriod(string fileName, string period) =>
        fileName.Contains(period, StringComparison.OrdinalIgnoreCase)
            ? fileName
            : Path.GetFileNameWithoutExtension(fileName) + "-" + period + Path.GetExtension(fileName);

    /// <summary>
    /// <c>{root}/{period}/{name}</c> as a full path, refused when it would land outside the
    /// configured folder (a period or name carrying <c>..</c> or a rooted path).
    /// </summary>
    public static string Resolve(ChannelSettings channel, string period, string name)
    {
        var root = Path.GetFullPath(channel.Path!);
        var rootWithSeparator = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        var target = Path.GetFullPath(Path.Combine(root, period, name));
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (!target.StartsWith(rootWithSeparator, comparison) || Path.GetDirectoryName(target) is not { } dir || !dir.StartsWith(rootWithSeparator, comparison))
        {
            throw new DeliveryException(channel.Name, $"'{Path.Combine(period, name)}' would be written outside the folder '{root}'; refused");
        }

        return target;
    }

    private static void WriteAtomically(string target, Action<string> write)
    {
        var dir = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(dir);

        // Same folder, so the move is a rename on the same volume and atomic.
        var tmp = Path.Combine(dir, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            write(tmp);
            File.Move(tmp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp))
            {
                File.Delete(tmp);
            }
        }
    }
}
