namespace StrategyLayer.Domain.Mapping;

/// <summary>Where one stored item counts in <see cref="Coverage"/>.</summary>
public enum CoverageKind
{
    /// <summary>Removed upstream: counted nowhere.</summary>
    Removed,

    /// <summary>The mapping stage has not seen it yet (run <c>map</c>): counted nowhere.</summary>
    NotYetMapped,

    OutOfScope,
    Mapped,
    Untracked,
}
