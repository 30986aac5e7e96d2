using System.CommandLine;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Spectre.Console;
using StrategyLayer.Application;
using StrategyLayer.Cli.Commands;
using StrategyLayer.Cli.Logging;
using StrategyLayer.Cli.Output;
using StrategyLayer.Cli.Progress;
using StrategyLayer.Configuration;
using StrategyLayer.Store;

namespace StrategyLayer.Cli.Hosting;

/// <summary>
/// One invocation: global options, the config (loaded on first use), the store (opened on first
/// use, holding its lock until the verb ends), the logger, where output goes, and the application
/// composed once over them (<see cref="App"/>).
/// </summary>
internal sealed class Invocation : IRunContext, IDisposable
{
    private readonly SecretMask _mask = new();
    private readonly SerilogLoggerFactory _logs;
    private Serilog.Core.Logger _log;
    private AppConfig? _config;
    private IStrategyStore? _store;
    private ProgressBoard? _board;

    /// <param name="time">The clock every stage reads: the one <c>Program</c> made; tests pass a fake one.</param>
    public Invocation(ParseResult parse, TimeProvider time)
    {
        ConfigNamed = parse.GetValue(GlobalOptions.Config);
        ConfigPath = ConfigFile.Resolve(ConfigNamed);
        StoreOverride = parse.GetValue(GlobalOptions.Store);
        JsonOutput = parse.GetValue(GlobalOptions.Json);
        Quiet = parse.GetValue(GlobalOptions.Quiet);
        Verb = parse.CommandResult.Command.Name;
        _log = LogSetup.Create(_mask, null, ConsoleLevel, WriteLogLine);
        _logs = new SerilogLoggerFactory(new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(new CurrentLoggerSink(() => _log)).CreateLogger(), dispose: true);
        Time = time;
        App = new StrategyApp(this, SourceFactory.Create);
    }

    /// <summary>The config file: <c>--config</c>, else <c>./strategylayer.json</c> when present, else <c>config/strategylayer.json</c>.</summary>
    public string ConfigPath { get; }

    /// <summary>The <c>--config</c> given, or null when the default is used.</summary>
    public string? ConfigNamed { get; }
    public string? StoreOverride { get; }
    public bool JsonOutput { get; }
    public bool Quiet { get; }

    /// <summary>The verb this process runs (<c>sync</c>, <c>serve</c>, …): a server store's sessions are named after it.</summary>
    public string Verb { get; }
    public TimeProvider Time { get; }

    /// <summary>The use cases every verb calls, composed once over this invocation.</summary>
    public StrategyApp App { get; }

    /// <summary>
    /// This process among those sharing the store: its run records carry it, and a scheduler
    /// prints it and uses it as its Quartz instance id (unique per process, so unique in a cluster).
    /// </summary>
    public string Node { get; } = $"{Environment.MachineName.ToLowerInvariant()}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..4]}";
    public ILogger Log => _log;

    /// <summary>The stages' loggers (Microsoft.Extensions.Logging), written by Serilog to this invocation's sinks (masked), whichever logger it holds at the time.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory Logs => _logs;

    /// <summary>A stage's logger, of <typeparamref name="T"/>'s category.</summary>
    public Microsoft.Extensions.Logging.ILogger<T> Logger<T>() => new Microsoft.Extensions.Logging.Logger<T>(_logs);
    public SecretMask Mask => _mask;

    /// <summary>Progress bars only on a terminal, never with --json or --quiet.</summary>
    public bool ShowProgress => !JsonOutput && !Quiet && !Console.IsErrorRedirected;

    private LogEventLevel ConsoleLevel => Quiet || JsonOutput ? LogEventLevel.Error : LogEventLevel.Warning;

    /// <summary>The config, loaded once; a bad one throws DiagnosticsException (exit 2).</summary>
    public async Task<AppConfig> ConfigAsync(CancellationToken cancellationToken)
    {
        if (_config is null)
        {
            ConfigFile.RequireExists(ConfigNamed, ConfigPath);
            UseConfig(await ConfigLoader.LoadAsync(ConfigPath, null, cancellationToken).ConfigureAwait(false));
        }

        return _config!;
    }

    /// <summary>Adopts a config built elsewhere (the demo's), registering its secrets with the log mask.</summary>
    public void UseConfig(AppConfig config)
    {
        _config = config;
        foreach (var source in config.Sources)
        {
            _mask.Add(source.Auth.Secret);
            _mask.Add(source.Auth.ClientSecret);
        }

        foreach (var channel in config.Channels)
        {
            _mask.Add(channel.Smtp?.Password);
            _mask.Add(channel.Url);
        }

        _mask.Add(config.Web.BearerToken);
        _mask.Add(config.StorePassword);
        _mask.Add(config.Web.OidcClientSecret);
        Directory.CreateDirectory(config.Logs);
        var old = _log;
        _log = LogSetup.Create(_mask, config.Logs, ConsoleLevel, WriteLogLine);
        old.Dispose();
    }

    /// <summary>
    /// The store named by <c>--store</c> or the config: a file's full path, or a server's URI. Without
    /// <c>--store</c> it is read once the config is loaded (<see cref="ConfigAsync"/>; <see cref="StoreAsync"/> loads it).
    /// </summary>
    public string StorePath => StoreEngines.Locate(StoreOverride ?? (_config ?? throw new InvalidOperationException("the store is named by the config, which is not loaded yet")).Store);

    /// <summary>The store, opened on first use by the engine the config names (a file engine also locks it).</summary>
    public async Task<IStrategyStore> StoreAsync(CancellationToken cancellationToken)
    {
        if (_store is null)
        {
            if (StoreOverride is null)
            {
                await ConfigAsync(cancellationToken).ConfigureAwait(false);
            }

            _store = await StoreEngines.OpenAsync(StorePath, Opening, cancellationToken).ConfigureAwait(false);
        }

        return _store;
    }

    /// <summary>Another store than the invocation's (<c>store copy --to</c>), opened by its engine; the caller disposes it.</summary>
    public Task<IStrategyStore> OpenOtherStoreAsync(string store, CancellationToken cancellationToken) =>
        StoreEngines.OpenAsync(StoreEngines.Locate(store), Opening, cancellationToken);

    /// <summary>What the engines are opened with: the clock, the verb, secrets (the environment, then the loaded config's), the log mask.</summary>
    public StoreOpening Opening => new(
        Time,
        Verb,
        name => name == "PGPASSWORD" ? _config?.StorePassword : null,
        _mask.Add,
        message =>
        {
            _log.Information("{Message}", message);
            if (!Quiet)
            {
                Console.Error.WriteLine(_mask.Apply(message));
            }
        });

    /// <summary>
    /// For the read-only verbs: null when this process can open the store (then use <see cref="StoreAsync"/>);
    /// the holder's reader when another process holds it and answers reads (<c>serve</c>, <c>schedule</c>).
    /// </summary>
    public async Task<Reading.ReaderClient?> ReaderAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StoreAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (StoreLockedException e) when (Reading.ReaderClient.Find(StorePath, e.Holder?.ProcessId) is { } reader)
        {
            _log.Debug("The store is held by process {Holder}: reading through it", reader.Holder);
            return reader;
        }
    }

    /// <summary>The verb's one live display (drawn only when <see cref="ShowProgress"/>).</summary>
    public ProgressBoard Progress => _board ??= ShowProgress ? ProgressBoard.Live(ProgressConsole) : ProgressBoard.Silent();

    IStageProgress IRunContext.Progress => Progress;

    /// <summary>For verbs that run until stopped (the scheduler): nothing is drawn.</summary>
    public void DisableProgress() => _board ??= ProgressBoard.Silent();

    /// <summary>Writes the verb's result: JSON on stdout with --json, else the human rendering.</summary>
    public void Output<T>(T result, Action<IAnsiConsole> human)
    {
        _board?.Stop();
        if (JsonOutput)
        {
            Console.Out.WriteLine(Json.Serialize(result));
        }
        else if (!Quiet)
        {
            human(Terminal);
        }
    }

    /// <summary>The human console (stdout); piped, its tables are as wide as their rows (never wrapped).</summary>
    public IAnsiConsole Terminal { get; } = Consoles.ForStdout();

    /// <summary>The console progress is drawn on (stderr, so stdout stays clean).</summary>
    public IAnsiConsole ProgressConsole { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    /// <summary>Console log lines: above the live display while it draws, else on stderr; source text cleaned.</summary>
    private void WriteLogLine(string line)
    {
        if (_board is { } board)
        {
            board.WriteLine(line);
        }
        else
        {
            Console.Error.Write(line);
        }
    }

    public void Dispose()
    {
        _board?.Dispose();
        _board = null;
        _store?.Dispose();
        _store = null;
        _logs.Dispose();
        _log.Dispose();
    }
}
