using System.IO.Compression;
using System.Text;

namespace StrategyLayer.Store.PostgreSql.Writing;

/// <summary>
/// Raw records travel and rest Brotli-compressed at its fastest level: a third of the bytes to COPY
/// and to store, packed on the sync's pool thread rather than by the server (which is told not to
/// try again: the column's storage is EXTERNAL).
/// </summary>
internal static class RawPacking
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
