using System.CommandLine;

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
        yield return InitCommand.Create();
        yield return SandboxCommand.Create();
        yield return MapCommand.Create();
        yield return ReportCommand.Create();
        yield return RunCommand.Create();
        yield return ScheduleCommand.Create();
        yield return ItemsCommand.Create();
        yield return ExplainCommand.Create();
        yield return ServeCommand.Create();
        yield return BenchCommand.Create();
        yield return StoreCommand.Create();
    }
}
