namespace StrategyLayer.Reporting;

/// <summary>Green, amber, red; ordered so that the worst is the largest.</summary>
public enum Rag
{
    Green,
    Amber,
    Red,
}
