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
            WriteAtomically(channel, target, tmp => File.WriteAllText(tmp, message.Subject + Environment.NewLine + Environment.NewLine + message.Text));
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
            WriteAtomically(channel, target, tmp => File.Copy(file, tmp, overwrite: true));
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

    private static void WriteAtomically(ChannelSettings channel, string target, Action<string> write)
    {
        var dir = Path.GetDirectoryName(target)!;

        // Before anything is created: a link on the way would have folders made at its far end.
        RefuseLinksOut(channel, dir);
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

    /// <summary>
    /// Refuses a folder below the configured one that is a symbolic link (or junction) leading out of
    /// it: the path reads as inside, the writes would land elsewhere. Links that stay inside, and a
    /// configured folder that is itself a link (a share mounted that way), are followed.
    /// </summary>
    private static void RefuseLinksOut(ChannelSettings channel, string dir)
    {
        var root = Path.GetFullPath(channel.Path!);
        var realRoot = RealPath(root);
        var inside = realRoot.EndsWith(Path.DirectorySeparatorChar) ? realRoot : realRoot + Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var current = root;
        foreach (var part in Path.GetRelativePath(root, dir).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            var info = new DirectoryInfo(current);
            if (info.LinkTarget is null)
            {
                continue;
            }

            var real = RealPath(current);
            if (!(real + Path.DirectorySeparatorChar).StartsWith(inside, comparison))
            {
                throw new DeliveryException(channel.Name, $"'{current}' is a link to '{real}', outside the folder '{root}'; refused");
            }
        }
    }

    /// <summary>The path with every link along it resolved.</summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        if (string.Equals(Path.GetPathRoot(full), full, StringComparison.Ordinal))
        {
            return full;
        }

        full = full.TrimEnd(Path.DirectorySeparatorChar);
        var here = Path.Combine(RealPath(Path.GetDirectoryName(full)!), Path.GetFileName(full));
        var info = new DirectoryInfo(here);
        return info.LinkTarget is null || info.ResolveLinkTarget(returnFinalTarget: true) is not { } target
            ? here
            : RealPath(target.FullName);
    }
}
