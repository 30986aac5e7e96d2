namespace StrategyLayer.Application;

/// <summary>The host's progress display, as the use cases see it: a row per step.</summary>
public interface IStageProgress
{
    /// <summary>Whether rows are drawn at all (a count only a bar needs is skipped otherwise).</summary>
    bool Shown { get; }

    IStageRow Add(string title, double? total = null, string unit = "items");
}
