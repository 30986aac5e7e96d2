using System.IO.Compression;
using System.Text;

namespace StrategyLayer.Store.LiteDb.Files;

/// <summary>Raw JSON is kept Brotli-compressed (fastest level: raw records are written on every change).</summary>
internal static class Compression
{
    public static byte[] Pack(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
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
