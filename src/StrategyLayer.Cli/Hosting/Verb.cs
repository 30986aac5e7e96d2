using System.CommandLine;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Cli.Hosting;

/// <summary>
/// Runs a verb's body with a <see cref="Session"/> and turns every error into its exit code, in
/// one place: bad input 2, run-time failure 1, cancellation 130. No stack trace reaches the user
/// (the log file has it).
/// </summary>
public static class Verb
{
    public static Command Create(string name, string description, Func<Session, ParseResult, CancellationToken, Task<int>> body, params Symbol[] symbols)
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
            using var session = new Session(parse);
            return await RunAsync(session, () => body(session, parse, ct), ct).ConfigureAwait(false);
        });
        return command;
    }

    public static async Task<int> RunAsync(Session session, Func<Task<int>> body, CancellationToken ct)
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
        catch (DiagnosticsException ex)
        {
            session.Log.Debug(ex, "Invalid input");
            await Console.Error.WriteLineAsync(session.Mask.Apply(Describe(ex))).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (StrategyLayerException ex)
        {
            session.Log.Debug(ex, "Failed");
            await Console.Error.WriteLineAsync("error: " + session.Mask.Apply(ex.Message) + (ex.Where is null || ex.Message.Contains(ex.Where, StringComparison.Ordinal) ? "" : $" (at {ex.Where})")).ConfigureAwait(false);
            return ex.Kind == ErrorKind.Usage ? ExitCodes.BadInput : ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            session.Log.Error(ex, "I/O failure");
            await Console.Error.WriteLineAsync("error: " + session.Mask.Apply(ex.Message)).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            session.Log.Fatal(ex, "Unexpected failure");
            await Console.Error.WriteLineAsync("error: unexpected failure: " + session.Mask.Apply(ex.Message) + " (details in the log file)").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    public static string Describe(DiagnosticsException ex) =>
        ex.Diagnostics.Count == 0
            ? "error: " + ex.Message
            : $"{ex.Diagnostics.Count} problem(s):" + Environment.NewLine + string.Join(Environment.NewLine, ex.Diagnostics.Select(d => "  " + d));
}
