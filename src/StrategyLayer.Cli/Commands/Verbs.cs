using System.CommandLine;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Cli.Commands;

/// <summary>Every verb of CONTRACT.md.</summary>
public static class Verbs
{
    public static IEnumerable<Command> All()
    {
        yield return ValidateCommand.Create();
        yield return SyncCommand.Create();
        yield return StatusCommand.Create();
        yield return DemoCommand.Create();
        yield return SandboxCommand.Create();
        yield return MapCommand.Create();
        yield return ReportCommand.Create();
        yield return RunCommand.Create();
        yield return ScheduleCommand.Create();
        yield return ItemsCommand.Create();
        yield return ExplainCommand.Create();
        yield return Pending("serve", "The read-only web view over the store", "issue 10 (web view)");
        yield return BenchCommand.Create();
    }

    /// <summary>A verb whose stage is not built yet: says so plainly and exits 1.</summary>
    private static Command Pending(string name, string description, string issue)
    {
        var command = Verb.Create(
            name,
            description + " (not available yet)",
            (_, _, _) => throw new StrategyLayerException($"'{name}' is not available in this build yet: it arrives with {issue}."));
        command.TreatUnmatchedTokensAsErrors = false;
        return command;
    }
}
