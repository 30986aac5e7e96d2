using Spectre.Console;
using StrategyLayer.Application;

namespace StrategyLayer.Cli.Progress;

/// <summary>
/// The one live display of a verb. Every stage reports into it by adding rows (a step, a source, a
/// table); nested work adds rows to the same display, so there is never a second live display (two
/// at once is what Spectre refuses with "Trying to run one or more interactive functions
/// concurrently"). It draws only on a terminal; elsewhere (a pipe, a file, <c>--json</c>,
/// <c>--quiet</c>) rows are kept and never drawn. Log lines written while it draws appear above it.
/// </summary>
internal sealed class ProgressBoard : IStageProgress, IDisposable
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(100);

    private readonly IAnsiConsole? _console;
    private readonly List<ProgressRow> _rows = [];
    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim _stopped = new(false);
    private volatile bool _stopping;
    private Thread? _drawing;

    private ProgressBoard(IAnsiConsole? console) => _console = console;

    /// <summary>A board that draws on <paramref name="console"/> (a terminal), from its first row on.</summary>
    public static ProgressBoard Live(IAnsiConsole console) => new(console);

    /// <summary>A board that draws nothing.</summary>
    public static ProgressBoard Silent() => new(null);

    /// <summary>Whether this board draws at all (a silent one only keeps rows).</summary>
    public bool Shown => _console is not null;

    /// <summary>True while rows are being drawn.</summary>
    public bool Drawing => _drawing is not null && !_stopping;

    IStageRow IStageProgress.Add(string title, double? total, string unit) => Add(title, total, unit);

    /// <summary>Adds a row: with a total it draws a bar with a percentage and an estimate, without one a spinner and the count.</summary>
    public ProgressRow Add(string title, double? total = null, string unit = "items")
    {
        var row = new ProgressRow(title, total, unit);
        lock (_gate)
        {
            _rows.Add(row);
            if (_console is not null && _drawing is null && !_stopping)
            {
                // Started with the first row, so a verb that reports nothing draws nothing.
                _drawing = new Thread(Draw) { IsBackground = true, Name = "progress" };
                _drawing.Start();
            }
        }

        return row;
    }

    /// <summary>Runs one step as a row: a spinner while it works, then a tick (or "failed") with its time.</summary>
    public async Task<T> StepAsync<T>(string title, Func<ProgressRow, Task<T>> work)
    {
        var row = Add(title, unit: "");
        try
        {
            var result = await work(row).ConfigureAwait(false);
            row.Finish();
            return result;
        }
        catch (OperationCanceledException)
        {
            row.Finish("cancelled");
            throw;
        }
        catch (Exception)
        {
            row.Finish("failed");
            throw;
        }
    }

    /// <summary>Writes a line above the rows while they are drawn, else straight to stderr.</summary>
    public void WriteLine(string line)
    {
        if (Drawing && _console is not null)
        {
            _console.Write(new Spectre.Console.Text(line.EndsWith('\n') ? line : line + "\n"));
            return;
        }

        Console.Error.Write(line.EndsWith('\n') ? line : line + "\n");
    }

    /// <summary>Draws the rows one last time and lets go of the terminal; what the verb prints next comes below them.</summary>
    public void Stop()
    {
        Thread? drawing;
        lock (_gate)
        {
            _stopping = true;
            drawing = _drawing;
        }

        if (drawing is not null)
        {
            _stopped.Wait(TimeSpan.FromSeconds(5));
        }
    }

    public void Dispose()
    {
        Stop();
        _stopped.Dispose();
    }

    private void Draw()
    {
        try
        {
            _console!.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(
                    new SpinnerColumn { CompletedText = "[green]✓[/]" },
                    new TaskDescriptionColumn { Alignment = Justify.Left },
                    new ProgressBarColumn(),
                    new FigureColumn())
                .Start(context =>
                {
                    var tasks = new Dictionary<ProgressRow, ProgressTask>();
                    while (true)
                    {
                        var last = _stopping;
                        Mirror(context, tasks);
                        if (last)
                        {
                            return;
                        }

                        Thread.Sleep(Refresh);
                    }
                });
        }
        catch (Exception)
        {
            // A display that cannot draw (a terminal that went away) must never fail the verb.
        }
        finally
        {
            _stopped.Set();
        }
    }

    private void Mirror(ProgressContext context, Dictionary<ProgressRow, ProgressTask> tasks)
    {
        ProgressRow[] rows;
        lock (_gate)
        {
            rows = [.. _rows];
        }

        foreach (var row in rows)
        {
            var state = row.Read();
            if (!tasks.TryGetValue(row, out var task))
            {
                task = context.AddTask(Markup.Escape(state.Title), autoStart: true, maxValue: 1);
                tasks[row] = task;
            }

            task.Description = Markup.Escape(state.Title);
            task.Tag = state;
            if (state.Total is { } total && total > 0)
            {
                task.IsIndeterminate = false;
                task.MaxValue = total;
                task.Value = Math.Min(state.Done, total);
            }
            else
            {
                task.IsIndeterminate = !state.Finished;
            }

            if (state.Finished && task.StopTime is null)
            {
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }
    }
}
