namespace StrategyLayer.Application;

/// <summary>One step's row: how far it is, and how it ended.</summary>
public interface IStageRow
{
    void SetTotal(double? total);

    void Report(double done);

    void Finish(string? outcome = null);
}
