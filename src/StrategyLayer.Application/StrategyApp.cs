namespace StrategyLayer.Application;

/// <summary>
/// The application: every use case the CLI's verbs, the scheduler's jobs and the web view call,
/// composed once by the host over its <see cref="IRunContext"/>. Each use case records at most one
/// run; none calls a verb.
/// </summary>
public sealed class StrategyApp
{
    public StrategyApp(IRunContext context, WorkSourceFactory sources)
    {
        Context = context;
        Runs = new RunRecorder(context);
        Strategy = new ConfiguredStrategy(context);
        Sync = new SyncUseCase(context, sources, Runs);
        Map = new MapUseCase(context, Strategy, Runs);
        Report = new ReportUseCase(context, Strategy, Runs);
        Distribute = new DistributeUseCase(context, Strategy, Report);
        RunOnce = new RunOnceUseCase(Sync, Map, Distribute, Runs);
        Reads = new ReadQueries(context, Strategy, Report);
    }

    public IRunContext Context { get; }

    /// <summary>The one run record of a run started by hand.</summary>
    public RunRecorder Runs { get; }

    /// <summary>The strategy tree and rules, and the periods.</summary>
    public ConfiguredStrategy Strategy { get; }

    public SyncUseCase Sync { get; }

    public MapUseCase Map { get; }

    public ReportUseCase Report { get; }

    public DistributeUseCase Distribute { get; }

    /// <summary>Sync → map → report → distribute, by hand (<c>run</c>) or for a scheduled firing.</summary>
    public RunOnceUseCase RunOnce { get; }

    /// <summary>Status, item listing and explanations for the read verbs.</summary>
    public ReadQueries Reads { get; }
}
