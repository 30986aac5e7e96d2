namespace StrategyLayer.Sandbox.Data;

/// <summary>ServiceNow sys_ids: 32 hex characters that encode the item index, so none are stored.</summary>
internal static class SysIds
{
    public static string Of(int seed, long index, int salt = 99)
    {
        var a = DeterministicRandom.Hash(seed, index, salt);
        var b = (uint)DeterministicRandom.Hash(seed, index, salt + 1);
        var tail = (uint)index ^ Mask(seed);
        return string.Create(32, (a, b, tail), static (span, s) =>
        {
            s.a.TryFormat(span[..16], out _, "x16", System.Globalization.CultureInfo.InvariantCulture);
            s.b.TryFormat(span.Slice(16, 8), out _, "x8", System.Globalization.CultureInfo.InvariantCulture);
            s.tail.TryFormat(span.Slice(24, 8), out _, "x8", System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    /// <summary>The index a sys_id stands for, or -1.</summary>
    public static int Decode(int seed, string sysId, int salt = 99)
    {
        if (sysId.Length != 32 || !uint.TryParse(sysId.AsSpan(24), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var tail))
        {
            return -1;
        }

        var index = (int)(tail ^ Mask(seed));
        return index >= 0 && string.Equals(Of(seed, index, salt), sysId, StringComparison.OrdinalIgnoreCase) ? index : -1;
    }

    /// <summary>A stable sys_id for a named reference (group, user, CI, service).</summary>
    public static string Named(int seed, string table, string name) =>
        NamedCache.GetOrAdd((seed, table, name), static k => ComputeNamed(k.Seed, k.Table, k.Name));

    // Names are few (groups, people, CIs, services), so their ids are worked out once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Seed, string Table, string Name), string> NamedCache = new();

    private static string ComputeNamed(int seed, string table, string name)
    {
        // string.GetHashCode is randomised per process, so a fixed polynomial hash keeps ids stable.
        long h = 17;
        foreach (var c in table + "/" + name)
        {
            h = (h * 31) + c;
        }

        return Of(seed, (h & 0x3FFFFFFF) | 0x40000000, 77);
    }

    private static uint Mask(int seed) => (uint)DeterministicRandom.Hash(seed, 0, 98);
}
