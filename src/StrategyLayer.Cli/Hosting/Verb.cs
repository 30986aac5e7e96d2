using System.CommandLine;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Store;

namespace StrategyLayer.Cli.Hosting;

/// <summary>
/// Runs a verb's body with a <see cref="Invocation"/> and turns every error into its exit code, in
/// one place: bad input 2, run-time failure 1, cancellation 130. No stack trace reaches the user
/// (the log file has it).
/// </summary>
internal static class Verb
{
    public static Command Create(string name, string description, TimeProvider time, Func<Invocation, ParseResult, CancellationToken, Task<int>> body, params Symbol[] symbols)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option o:
                    command.Options.Add(o);
                    break;
                case Argument a:
                    command.Arguments.Add(a);
                    break;
            }
        }

        command.SetAction(async (parse, ct) =>
        {
            using var invocation = new Invocation(parse, time);
            return await RunAsync(invocation, () => body(invocation, parse, ct), ct, name).ConfigureAwait(false);
        });
        return command;
    }

    public static async Task<int> RunAsync(Invocation invocation, Func<Task<int>> body, CancellationToken ct, string verb = "this command")
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (StoreLockedException ex)
        {
            invocation.Progress.Stop();
            invocation.Log.Debug(ex, "Store held");
            await Console.Error.WriteLineAsync(invocation.Mask.Apply(StoreHeld(ex, verb))).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (DiagnosticsException ex)
        {
            invocation.Progress.Stop();
            invocation.Log.Debug(ex, "Invalid input");
            await Console.Error.WriteLineAsync(invocation.Mask.Apply(Describe(ex))).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (StrategyLayerException ex)
        {
            invocation.Progress.Stop();
            invocation.Log.Debug(ex, "Failed");
            await Console.Error.WriteLineAsync("error: " + invocation.Mask.Apply(ex.Message) + (ex.Where is null || ex.Message.Contains(ex.Where, StringComparison.Ordinal) ? "" : $" (at {ex.Where})")).ConfigureAwait(false);
            return ex.Kind == ErrorKind.Usage ? ExitCodes.BadInput : ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            invocation.Progress.Stop();
            invocation.Log.Error(ex, "I/O failure");
            await Console.Error.WriteLineAsync("error: " + invocation.Mask.Apply(ex.Message)).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            invocation.Progress.Stop();
            invocation.Log.Fatal(ex, "Unexpected failure");
            await Console.Error.WriteLineAsync("error: unexpected failure: " + invocation.Mask.Apply(ex.Message) + " (details in the log file)").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    /// <summary>Who holds the store, why this verb cannot run beside it, and what to do.</summary>
    public static string StoreHeld(StoreLockedException ex, string verb)
    {
        var holder = ex.Holder is { } h ? $"process {h.ProcessId} (`{h.CommandLine}`, since {h.Since.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z)" : "another process";
        var stop = ex.Holder is { } p ? $"stop it (Ctrl-C in its terminal, or `kill {p.ProcessId}`)" : "stop it";
        if (verb is "status" or "items" or "explain")
        {
            return $"error: the store {ex.StorePath} is held by {holder}, which does not answer reads (`serve` and `schedule` do): "
                + $"run `{verb}` again when it has finished, or {stop}.";
        }

        return $"error: the store {ex.StorePath} is held by {holder}. A store has one writer at a time, and `{verb}` writes to it: "
            + $"{stop} and run `{verb}` again, or, when it is the scheduler, let it do this work on its schedule. "
            + "`strategylayer status`, `items` and `explain` work meanwhile when the holder is `serve` or `schedule`.";
    }

    public static string Describe(DiagnosticsException ex) =>
        ex.Diagnostics.Count == 0
            ? "error: " + ex.Message
            : $"{ex.Diagnostics.Count} problem(s):" + Environment.NewLine + string.Join(Environment.NewLine, ex.Diagnostics.Select(d => "  " + d));
}
