using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Sandbox;

namespace StrategyLayer.Cli.Commands;

/// <summary><c>sandbox [--port N] [--size …]</c>: the local Jira/ServiceNow stand-in, in the foreground until Ctrl-C.</summary>
internal static class SandboxCommand
{
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

    public static Command Create(TimeProvider time) => Verb.Create("sandbox", "Run only the sandbox in the foreground, printing its base URLs", time, RunAsync, PortOption, SandboxSize.Option, SeedOption);

    private static async Task<int> RunAsync(Invocation invocation, ParseResult parse, CancellationToken ct)
    {
        var options = SandboxOptions.Default with { Port = parse.GetValue(PortOption), Size = parse.GetValue(SandboxSize.Option)!, Seed = parse.GetValue(SeedOption) };
        await using var sandbox = await SandboxServer.StartAsync(options, invocation.Time, ct).ConfigureAwait(false);
        var urls = new { jiraCloud = sandbox.JiraCloudUrl, jiraDataCenter = sandbox.JiraDataCenterUrl, serviceNow = sandbox.ServiceNowUrl, control = sandbox.BaseUrl + "/_sandbox", items = sandbox.Counts().Jira + sandbox.Counts().ServiceNow };

        // One line of JSON (with --json) so a parent process (bench) can read the URLs at once.
        if (invocation.JsonOutput)
        {
            Console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(urls));
            await Console.Out.FlushAsync(ct).ConfigureAwait(false);
        }
        else
        {
            invocation.Terminal.WriteLine($"Sandbox ({options.Size}, seed {options.Seed}, {urls.items:N0} items) listening on 127.0.0.1:");
            invocation.Terminal.WriteLine($"  Jira Cloud        {urls.jiraCloud}");
            invocation.Terminal.WriteLine($"  Jira Data Center  {urls.jiraDataCenter}");
            invocation.Terminal.WriteLine($"  ServiceNow        {urls.serviceNow}");
            invocation.Terminal.WriteLine("Press Ctrl-C to stop.");
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
