using System.CommandLine;

namespace StrategyLayer.Cli.Commands;

/// <summary>Every verb of CONTRACT.md.</summary>
internal static class Verbs
{
    public static IEnumerable<Command> All(TimeProvider time)
    {
        yield return ValidateCommand.Create(time);
        yield return SyncCommand.Create(time);
        yield return StatusCommand.Create(time);
        yield return DemoCommand.Create(time);
        yield return InitCommand.Create(time);
        yield return SandboxCommand.Create(time);
        yield return MapCommand.Create(time);
        yield return ReportCommand.Create(time);
        yield return RunCommand.Create(time);
        yield return ScheduleCommand.Create(time);
        yield return ItemsCommand.Create(time);
        yield return ExplainCommand.Create(time);
        yield return ServeCommand.Create(time);
        yield return BenchCommand.Create(time);
        yield return StoreCommand.Create(time);
    }
}
