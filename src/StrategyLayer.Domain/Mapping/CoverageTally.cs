namespace StrategyLayer.Domain.Mapping;

/// <summary>
/// Counts <see cref="Coverage"/> while items stream past: the one place that decides whether an item
/// is mapped, untracked or out of scope, used by the mapping summary and the report model alike.
/// </summary>
public sealed class CoverageTally
{
    private int inScope;
    private int mapped;
    private int untracked;
    private int outOfScope;

    /// <summary>Items the mapping stage has not seen yet: not in the coverage, but worth saying.</summary>
    public int NotYetMapped { get; private set; }

    public Coverage Coverage => new(inScope, mapped, untracked, outOfScope);

    /// <summary>Where an item counts, given whether it was removed upstream and its mapping (null: not mapped yet).</summary>
    public static CoverageKind Classify(bool removed, ItemMapping? mapping) =>
        removed ? CoverageKind.Removed
        : mapping is null ? CoverageKind.NotYetMapped
        : !mapping.InScope ? CoverageKind.OutOfScope
        : mapping.MeasureId is not null ? CoverageKind.Mapped
        : CoverageKind.Untracked;

    /// <summary>Counts one item; returns where it counted.</summary>
    public CoverageKind Add(bool removed, ItemMapping? mapping)
    {
        var kind = Classify(removed, mapping);
        Add(kind);
        return kind;
    }

    public void Add(CoverageKind kind)
    {
        switch (kind)
        {
            case CoverageKind.NotYetMapped:
                NotYetMapped++;
                break;
            case CoverageKind.OutOfScope:
                outOfScope++;
                break;
            case CoverageKind.Mapped:
                inScope++;
                mapped++;
                break;
            case CoverageKind.Untracked:
                inScope++;
                untracked++;
                break;
        }
    }
}
