using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using StrategyLayer.Cli.Tests.Engines;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>One demo run for the class, into a temp folder: packs, store and all.</summary>
public abstract class DemoRun(StoreEngine engine) : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "sl-demo-" + Guid.NewGuid().ToString("N")[..8]);

    public static string DemoConfig => Path.Combine(RepoRoot(), "config", "strategylayer.json");

    public string Root => root;

    public string Out => Path.Combine(root, "out");

    public string Config => Path.Combine(root, "strategylayer.json");

    /// <summary>The demo's store: a file in the run's folder, or a database.</summary>
    public string Store { get; private set; } = "";

    public CliResult Result { get; private set; } = new(-1, "", "");

    public JsonDocument Summary { get; private set; } = JsonDocument.Parse("{}");

    public IDocument Portfolio { get; private set; } = null!;

    public IDocument Untracked { get; private set; } = null!;

    /// <summary>Last month's portfolio pack, frozen as of its end.</summary>
    public IDocument Previous { get; private set; } = null!;

    /// <summary>The current month, as the demo's report names it.</summary>
    public string Period { get; private set; } = "";

    public string PreviousPeriod { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(root, "store"));
        Store = await engine.NewStoreAsync(Path.Combine(root, "store"));

        // In a folder of its own: the demo leaves its strategylayer.json in the folder it runs in.
        Result = await CliRunner.RunAsync(["demo", "--out", Out, "--store", Store, "--json"], root, timeout: TimeSpan.FromMinutes(4));
        if (Result.ExitCode is not (0 or 3))
        {
            throw new InvalidOperationException("the demo failed: " + Result);
        }

        Summary = JsonDocument.Parse(Result.Stdout);
        Period = Summary.RootElement.GetProperty("report").GetProperty("period").GetString()!;
        PreviousPeriod = Domain.Reporting.ReportingPeriod.Parse(Period).Previous.Name;
        var parser = new HtmlParser();
        Previous = parser.ParseDocument(await File.ReadAllTextAsync(Path.Combine(Out, PreviousPeriod, "portfolio-pack-" + PreviousPeriod + ".html")));
        Portfolio = parser.ParseDocument(await File.ReadAllTextAsync(Path.Combine(Out, "portfolio-pack-" + Period + ".html")));
        Untracked = parser.ParseDocument(await File.ReadAllTextAsync(Path.Combine(Out, "untracked-" + Period + ".html")));
    }

    public Task DisposeAsync()
    {
        Summary.Dispose();
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StrategyLayer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("the repository root is not above the test folder");
    }
}
