using System.IO.Compression;
using System.Text;

namespace StrategyLayer.Store;

/// <summary>
/// How every engine keeps a raw record: Brotli at its fastest level (raw records are written on every
/// change; a third of the bytes to write, and for PostgreSQL to COPY, packed on the sync's pool thread).
/// </summary>
public static class RawCompression
{
    public static byte[] Pack(string text) => Pack(Encoding.UTF8.GetBytes(text));

    /// <summary>Packs a raw record already held as UTF-8 (a connector's <see cref="Domain.Items.SourceRecord.RawUtf8"/>).</summary>
    public static byte[] Pack(ReadOnlySpan<byte> bytes)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(bytes.Length)];
        using var encoder = new BrotliEncoder(quality: 1, window: 18);
        var status = encoder.Compress(bytes, buffer, out _, out var written, isFinalBlock: true);
        if (status != System.Buffers.OperationStatus.Done)
        {
            throw new InvalidOperationException("Brotli compression did not finish: " + status);
        }

        return buffer.AsSpan(0, written).ToArray();
    }

    public static string Unpack(byte[] packed)
    {
        using var input = new MemoryStream(packed);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
