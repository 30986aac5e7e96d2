using System.Diagnostics;
using StrategyLayer.Cli.Hosting;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// The first five minutes, as a user lives them: the tool packed with <c>dotnet pack</c>, installed
/// with <c>dotnet tool install</c> into a tool path of its own, and <c>strategylayer demo</c> run under
/// a pseudo-terminal from an empty folder; then the commands the demo suggests, typed in that folder.
/// </summary>
public sealed class InstalledToolTests(InstalledToolTests.InstalledTool tool) : IClassFixture<InstalledToolTests.InstalledTool>
{
    [Fact]
    public void The_demo_run_from_an_empty_folder_on_a_terminal_exits_0_without_a_stack_trace()
    {
        Assert.True(tool.Demo.ExitCode == 0, tool.Demo.ToString());
        Assert.False(Terminal.HasStackTrace(tool.Demo.Stdout), tool.Demo.Stdout);
        Assert.Contains("Syncing jira", tool.Demo.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_writes_html_and_pdf_packs_under_out_and_its_config_in_the_folder()
    {
        var outFolder = Path.Combine(tool.Folder.Path, "out");
        Assert.True(Directory.Exists(outFolder), tool.Demo.ToString());
        Assert.NotEmpty(Directory.GetFiles(outFolder, "portfolio-pack-*.html"));
        var pdf = Assert.Single(Directory.GetFiles(outFolder, "portfolio-pack-*.pdf"));
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(pdf), 0, 4));
        Assert.StartsWith(DemoFolder.Marker, File.ReadAllText(tool.Folder.File("strategylayer.json")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(tool.Folder.Path, "data", "strategylayer.db")));
    }

    [Fact]
    public async Task Status_typed_in_the_demo_folder_reads_the_demo_store()
    {
        var result = await tool.RunAsync(tool.Folder.Path, "status", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = System.Text.Json.JsonDocument.Parse(result.Stdout);
        Assert.Contains(doc.RootElement.GetProperty("sources").EnumerateArray(), s => s.GetProperty("source").GetString() == "jira" && s.GetProperty("items").GetInt32() > 100);
        Assert.Equal(Path.Combine(tool.Folder.Path, "data", "strategylayer.db"), doc.RootElement.GetProperty("store").GetString());
    }

    [Fact]
    public async Task Items_untracked_typed_in_the_demo_folder_lists_the_untracked_items_one_line_each()
    {
        var result = await tool.RunAsync(tool.Folder.Path, "items", "--untracked");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = result.Stdout.Split('\n').Where(l => l.StartsWith("│ jira:", StringComparison.Ordinal) || l.StartsWith("│ servicenow:", StringComparison.Ordinal)).ToList();
        Assert.True(rows.Count > 20, result.Stdout);
        var stated = System.Text.RegularExpressions.Regex.Match(result.Stdout, @"^([\d,]+) items", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.Equal(int.Parse(stated.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture), rows.Count);
    }

    [Fact]
    public async Task The_installed_tool_says_the_one_version_of_directory_build_props()
    {
        var props = await File.ReadAllTextAsync(Path.Combine(RepoFiles.Root, "Directory.Build.props"));
        var version = System.Text.RegularExpressions.Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;

        var result = await tool.RunAsync(tool.Folder.Path, "--version");

        Assert.Matches(@"^\d+\.\d+\.\d+$", version);
        Assert.Equal(version, result.Stdout.Trim());
    }

    [Fact]
    public async Task The_demo_refuses_to_overwrite_a_strategylayer_json_it_did_not_write()
    {
        using var folder = new TempFolder("sl-foreign");
        await File.WriteAllTextAsync(folder.File("strategylayer.json"), "{ \"mine\": true }");

        var result = await tool.RunAsync(folder.Path, "demo");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("not written by the demo", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("{ \"mine\": true }", await File.ReadAllTextAsync(folder.File("strategylayer.json")));
    }

    /// <summary>Packs, installs and runs the demo once for the class.</summary>
    public sealed class InstalledTool : IAsyncLifetime
    {
#if DEBUG
        private const string Configuration = "Debug";
#else
        private const string Configuration = "Release";
#endif

        private readonly TempFolder _work = new("sl-tool");

        public TempFolder Folder { get; } = new("sl-first-five-minutes");

        public string Command => Path.Combine(_work.Path, "tools", "strategylayer");

        public CliResult Demo { get; private set; } = new(-1, "", "");

        public async Task InitializeAsync()
        {
            // The CLI this test project built (a project reference) is packed as it is: no second build.
            var packages = Path.Combine(_work.Path, "packages");
            await Expect(await ProcessAsync("dotnet", RepoFiles.Root, TimeSpan.FromMinutes(5), "pack", Path.Combine(RepoFiles.Root, "src", "StrategyLayer.Cli"), "-c", Configuration, "--no-build", "-o", packages, "-nologo"), "dotnet pack");
            await Expect(await ProcessAsync("dotnet", _work.Path, TimeSpan.FromMinutes(3), "tool", "install", "StrategyLayer.Cli", "--tool-path", Path.Combine(_work.Path, "tools"), "--add-source", packages, "--version", Installation.Version), "dotnet tool install");
            Demo = await Terminal.RunAsync([Command, "demo"], Folder.Path, TimeSpan.FromMinutes(6));
        }

        public Task<CliResult> RunAsync(string folder, params string[] args) => ProcessAsync(Command, folder, TimeSpan.FromMinutes(2), args);

        public Task DisposeAsync()
        {
            Folder.Dispose();
            _work.Dispose();
            return Task.CompletedTask;
        }

        private static Task Expect(CliResult result, string what) =>
            result.ExitCode == 0 ? Task.CompletedTask : throw new InvalidOperationException(what + " failed: " + result);

        private static async Task<CliResult> ProcessAsync(string program, string folder, TimeSpan timeout, params string[] args)
        {
            var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false, WorkingDirectory = folder };
            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }

            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            info.Environment["DOTNET_NOLOGO"] = "1";
            using var process = Process.Start(info)!;
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish: {await stderr}");
            }

            return new CliResult(process.ExitCode, await stdout, await stderr);
        }
    }
}
