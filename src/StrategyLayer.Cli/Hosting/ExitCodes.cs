namespace StrategyLayer.Cli.Hosting;

/// <summary>The exit codes of CONTRACT.md, in one place.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
    public const int Partial = 3;
    public const int Cancelled = 130;
}
