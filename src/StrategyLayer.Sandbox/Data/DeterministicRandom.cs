namespace StrategyLayer.Sandbox.Data;

/// <summary>Deterministic, stateless pseudo-randomness: every value is a hash of (seed, item, salt).</summary>
internal static class DeterministicRandom
{
    public static ulong Mix(ulong z)
    {
        // SplitMix64 finaliser: cheap and well distributed, so no state has to be kept per item.
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Hash(int seed, long item, int salt) =>
        Mix(Mix(Mix((ulong)(uint)seed) ^ (ulong)item) ^ ((ulong)(uint)salt * 0xD6E8FEB86659FD93UL));

    public static int Int(int seed, long item, int salt, int n) => (int)(Hash(seed, item, salt) % (ulong)n);

    public static double Unit(int seed, long item, int salt) => (Hash(seed, item, salt) >> 11) * (1.0 / (1UL << 53));

    public static T Pick<T>(int seed, long item, int salt, IReadOnlyList<T> values) => values[Int(seed, item, salt, values.Count)];

    public static int Weighted(int seed, long item, int salt, IReadOnlyList<int> weights)
    {
        var total = 0;
        foreach (var w in weights)
        {
            total += w;
        }

        var r = Int(seed, item, salt, total);
        for (var i = 0; i < weights.Count; i++)
        {
            r -= weights[i];
            if (r < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }
}
