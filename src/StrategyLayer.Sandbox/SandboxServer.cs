using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using StrategyLayer.Sandbox.Http;
using StrategyLayer.Sandbox.Jira;
using StrategyLayer.Sandbox.ServiceNow;

namespace StrategyLayer.Sandbox;

/// <summary>Starts a sandbox: Jira Cloud, Jira Data Center and ServiceNow on 127.0.0.1.</summary>
public static class SandboxServer
{
    /// <summary>
    /// Builds the index for the requested size and starts Kestrel on 127.0.0.1 (a free port when
    /// <see cref="SandboxOptions.Port"/> is 0). Dispose the handle to stop it.
    /// </summary>
    /// <remarks><paramref name="time"/> is the time source the sandbox clock runs on.</remarks>
    public static async Task<SandboxHandle> StartAsync(SandboxOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var state = new SandboxState(options, time);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        if (!options.Logging)
        {
            builder.Logging.ClearProviders();
        }

        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();

        SandboxHandle? handle = null;
        var baseUrl = "";
        string BaseUrl() => baseUrl;
        var gate = new VendorGate(state);
        app.Use((ctx, next) => gate.InvokeAsync(ctx, () => next(ctx)));
        JiraCloudApi.Map(app, state, BaseUrl);
        JiraDataCenterApi.Map(app, state, BaseUrl);
        TableApi.Map(app, state, BaseUrl);
        ControlApi.Map(app, () => handle!);
        app.MapFallback((HttpContext ctx) => ctx.Request.Path.StartsWithSegments(VendorGate.ServiceNow)
            ? JsonOut.ServiceNowErrorAsync(ctx, 400, "Requested URI does not represent any resource", null)
            : JsonOut.JiraErrorAsync(ctx, 404, "null for uri: " + ctx.Request.Path));

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        baseUrl = address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        handle = new SandboxHandle(app, state, baseUrl);
        return handle;
    }
}
