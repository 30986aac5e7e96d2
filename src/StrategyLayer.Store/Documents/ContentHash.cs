using System.Buffers.Binary;
using System.Security.Cryptography;

namespace StrategyLayer.Store.Documents;

/// <summary>
/// For engines: the 64-bit content hash a sync compares before writing. Truncated SHA-256 (hardware accelerated,
/// in the BCL): collisions are as unlikely as 64 bits allow. Zero is reserved for "must rewrite".
/// </summary>
public static class ContentHash
{
    public const long MustRewrite = 0;

    public static long Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(bytes, digest);
        var hash = BinaryPrimitives.ReadInt64LittleEndian(digest);
        return hash == MustRewrite ? 1 : hash;
    }
}
