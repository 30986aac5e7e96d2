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
        yield return Pending("demo", "Start the sandbox, run sync → map → report against it, write the packs", "issue 11 (demo and benchmark)");
        yield return SandboxCommand.Create();
        yield return Pending("map", "(Re)apply pins and rules to the stored items", "issue 7 (mapping)");
        yield return Pending("report", "Build packs for a period", "issue 8 (status packs)");
        yield return Pending("run", "Sync, map, report and distribute once, as the scheduler would", "issue 9 (scheduling and distribution)");
        yield return Pending("schedule", "Run the scheduler in the foreground", "issue 9 (scheduling and distribution)");
        yield return Pending("items", "List stored items with their mapping", "issue 7 (mapping)");
        yield return Pending("explain", "Why an item maps where it does", "issue 7 (mapping)");
        yield return Pending("serve", "The read-only web view over the store", "issue 10 (web view)");
        yield return Pending("bench", "Run the benchmark against the sandbox", "issue 11 (demo and benchmark)");
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
