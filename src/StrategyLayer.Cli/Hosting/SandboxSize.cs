using System.CommandLine;

namespace StrategyLayer.Cli.Hosting;

/// <summary>The sandbox's <c>--size</c>, shared by <c>sandbox</c>, <c>demo</c> and <c>bench</c>.</summary>
internal static class SandboxSize
{
    public static readonly Option<string> Option = new("--size")
    {
        Description = "Data set size: small (~2k items), medium (~50k) or large (~300k)",
        DefaultValueFactory = _ => "small",
    };

    static SandboxSize() => Option.AcceptOnlyFromAmong("small", "medium", "large");
}
