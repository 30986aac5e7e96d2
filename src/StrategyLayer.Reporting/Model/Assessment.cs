namespace StrategyLayer.Reporting.Model;

/// <summary>A green / amber / red status with its reasons (worst first).</summary>
public sealed record Assessment(string Status, IReadOnlyList<StatusReason> Reasons)
{
    public static string Name(Rag rag) => rag switch
    {
        Rag.Red => "red",
        Rag.Amber => "amber",
        _ => "green",
    };

    public static Rag Parse(string status) => status switch
    {
        "red" => Rag.Red,
        "amber" => Rag.Amber,
        _ => Rag.Green,
    };

    public Rag Rag => Parse(Status);
}
