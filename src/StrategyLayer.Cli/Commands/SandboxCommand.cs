using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Sandbox;

namespace StrategyLayer.Cli.Commands;

/// <summary><c>sandbox [--port N] [--size …]</c>: the local Jira/ServiceNow stand-in, in the foreground until Ctrl-C.</summary>
internal static class SandboxCommand
{
    public static readonly Option<string> SizeOption = new("--size")
    {
        Description = "Data set size: small (~2k items), medium (~50k) or large (~300k)",
        DefaultValueFactory = _ => "small",
    };

    private static readonly Option<int> PortOption = new("--port")
    {
        Description = "Port on 127.0.0.1 (0 picks a free one)",
        DefaultValueFactory = _ => 8484,
    };

    private static readonly Option<int> SeedOption = new("--seed")
    {
        Description = "Seed of the generated data set",
        DefaultValueFactory = _ => SandboxOptions.Default.Seed,
    };

    static SandboxCommand() => SizeOption.AcceptOnlyFromAmong("small", "medium", "large");

    public static Command Create(TimeProvider time) => Verb.Create("sandbox", "Run only the sandbox in the foreground, printing its base URLs", time, RunAsync, PortOption, SizeOption, SeedOption);

    private static async Task<int> RunAsync(Session session, ParseResult parse, CancellationToken ct)
    {
        var options = SandboxOptions.Default with { Port = parse.GetValue(PortOption), Size = parse.GetValue(SizeOption)!, Seed = parse.GetValue(SeedOption) };
        await using var sandbox = await SandboxServer.StartAsync(options, session.Time, ct).ConfigureAwait(false);
        var urls = new { jiraCloud = sandbox.JiraCloudUrl, jiraDataCenter = sandbox.JiraDataCenterUrl, serviceNow = sandbox.ServiceNowUrl, control = sandbox.BaseUrl + "/_sandbox", items = sandbox.Counts().Jira + sandbox.Counts().ServiceNow };

        // One line of JSON (with --json) so a parent process (bench) can read the URLs at once.
        if (session.JsonOutput)
        {
            Console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(urls));
            await Console.Out.FlushAsync(ct).ConfigureAwait(false);
        }
        else
        {
            session.Terminal.WriteLine($"Sandbox ({options.Size}, seed {options.Seed}, {urls.items:N0} items) listening on 127.0.0.1:");
            session.Terminal.WriteLine($"  Jira Cloud        {urls.jiraCloud}");
            session.Terminal.WriteLine($"  Jira Data Center  {urls.jiraDataCenter}");
            session.Terminal.WriteLine($"  ServiceNow        {urls.serviceNow}");
            session.Terminal.WriteLine("Press Ctrl-C to stop.");
        }

        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C is how the sandbox is meant to stop.
        }

        return ExitCodes.Success;
    }
}
