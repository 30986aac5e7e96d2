using StrategyLayer.Application;

namespace StrategyLayer.Cli.Progress;

/// <summary>
/// One row of the <see cref="ProgressBoard"/>: a step or a source being synced. Safe to update from
/// any thread; the board draws it (on a terminal) or ignores it (anywhere else).
/// </summary>
internal sealed class ProgressRow : IStageRow
{
    private readonly Lock _gate = new();
    private string _title;
    private double? _total;
    private double _done;
    private string? _outcome;
    private readonly long _started = System.Diagnostics.Stopwatch.GetTimestamp();
    private TimeSpan? _took;

    internal ProgressRow(string title, double? total, string unit)
    {
        _title = title;
        _total = total;
        Unit = unit;
    }

    /// <summary>What is counted: <c>items</c>, <c>packs</c>.</summary>
    public string Unit { get; }

    /// <summary>The total, when it becomes known (an estimate: the bar grows if it is passed).</summary>
    public void SetTotal(double? total)
    {
        lock (_gate)
        {
            _total = total;
        }
    }

    /// <summary>How much is done so far (an absolute figure, not an increment).</summary>
    public void Report(double done)
    {
        lock (_gate)
        {
            _done = done;
        }
    }

    public void Retitle(string title)
    {
        lock (_gate)
        {
            _title = title;
        }
    }

    /// <summary>Marks the row finished; <paramref name="outcome"/> replaces the counts (e.g. "failed").</summary>
    public void Finish(string? outcome = null)
    {
        lock (_gate)
        {
            _outcome ??= outcome ?? "";
            _took ??= System.Diagnostics.Stopwatch.GetElapsedTime(_started);
        }
    }

    internal RowState Read()
    {
        lock (_gate)
        {
            var total = _total is { } t && _done > t ? _done : _total;
            return new RowState(_title, total, _done, Unit, _outcome, _took);
        }
    }
}

/// <summary>A consistent copy of a row, for drawing.</summary>
internal sealed record RowState(string Title, double? Total, double Done, string Unit, string? Outcome, TimeSpan? Took)
{
    public bool Finished => Outcome is not null;
}
