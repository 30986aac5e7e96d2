using System.Security.Cryptography;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Distribution;

/// <summary>
/// One rendered pack on its way to an audience. <see cref="PackVersion"/> is the content hash of
/// the files (see <see cref="VersionOf"/>): the same pack for the same period is not sent twice.
/// </summary>
/// <param name="Audience">Who gets it, and through which channels.</param>
/// <param name="Period">The reporting period the pack was built for.</param>
/// <param name="Files">Absolute paths of the rendered files (html, pdf).</param>
/// <param name="Summary">A few lines for the message body.</param>
/// <param name="Link">The pack in the web view, or null.</param>
/// <param name="PackVersion">The content hash of <paramref name="Files"/>.</param>
public sealed record PackToDeliver(
    AudienceSettings Audience,
    ReportingPeriod Period,
    IReadOnlyList<string> Files,
    string Summary,
    string? Link,
    string PackVersion)
{
    /// <summary>Builds a pack whose version is the content hash of its files.</summary>
    public static PackToDeliver Create(AudienceSettings audience, ReportingPeriod period, IReadOnlyList<string> files, string summary, string? link) =>
        new(audience, period, files, summary, link, VersionOf(files));

    /// <summary>SHA-256 over the files' names and bytes, in the order given; the first 16 bytes, hex.</summary>
    public static string VersionOf(IReadOnlyList<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\0"));
            using var stream = File.OpenRead(file);
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16));
    }
}
