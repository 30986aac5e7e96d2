namespace StrategyLayer.Application.Tests.Support;

/// <summary>A progress display that draws nothing but keeps each row's last figures, so a test can read them.</summary>
internal sealed class SilentProgress : IStageProgress
{
    public List<Row> Rows { get; } = [];

    public bool Shown => false;

    public IStageRow Add(string title, double? total = null, string unit = "items")
    {
        var row = new Row(title);
        lock (Rows)
        {
            Rows.Add(row);
        }

        return row;
    }

    internal sealed class Row(string title) : IStageRow
    {
        public string Title => title;

        public double Done { get; private set; }

        public string? Outcome { get; private set; }

        public bool Finished { get; private set; }

        public void SetTotal(double? total)
        {
        }

        public void Report(double done) => Done = done;

        public void Finish(string? outcome = null) => (Finished, Outcome) = (true, outcome);
    }
}
