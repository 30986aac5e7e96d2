using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StrategyLayer.Application;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Cli.Reading;

/// <summary>
/// Reads for other processes while this one holds the store (<c>serve</c>, <c>schedule</c>): a
/// store file has one writer, and a second process that opened it, even to read, could see a
/// half-checkpointed file or hold up the writer. So <c>status</c>, <c>items</c> and <c>explain</c>
/// in another terminal ask this process instead, over loopback, with the token of the
/// <see cref="ReaderFile"/> beside the store, and print what they get as if they had read the
/// store themselves (same objects, same JSON).
/// </summary>
internal sealed class ReaderApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _storePath;

    private ReaderApi(WebApplication app, string storePath)
    {
        _app = app;
        _storePath = storePath;
    }

    /// <summary>Null on a server's store: every process reads the database itself, there is no holder to read through.</summary>
    public static async Task<ReaderApi?> StartAsync(Invocation invocation, CancellationToken ct)
    {
        if (StoreEngines.IsServer(invocation.StorePath))
        {
            return null;
        }

        var store = await invocation.StoreAsync(ct).ConfigureAwait(false);
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, 0);
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, CallerLifetime>();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (!string.Equals(context.Request.Headers.Authorization.ToString(), "Bearer " + token, StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception e) when (e is StrategyLayerException or DiagnosticsException && !context.Response.HasStarted)
            {
                context.Response.StatusCode = e is StrategyLayerException { Kind: ErrorKind.Runtime } ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(new { error = e is DiagnosticsException d ? Verb.Describe(d) : "error: " + e.Message }).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                invocation.Log.Error(e, "A read for another process failed: {Path}", context.Request.Path.Value);
                throw;
            }
        });
        app.MapGet("/status", async (HttpContext context) => await WriteAsync(context, await invocation.App.Reads.StatusAsync(context.RequestAborted).ConfigureAwait(false)).ConfigureAwait(false));
        app.MapGet("/items", async (HttpContext context) =>
        {
            var q = context.Request.Query;
            var filter = ItemFilter.Listing(q["untracked"] == "true", q["measure"].FirstOrDefault(), q["team"].FirstOrDefault(), q["query"].FirstOrDefault());
            var items = await invocation.App.Reads.ItemsAsync(filter, context.RequestAborted).ConfigureAwait(false);
            context.Response.ContentType = "application/json";

            // Into the response's pipe (Kestrel allows no synchronous writes), flushed as it fills.
            var body = context.Response.BodyWriter;
            await using var writer = new Utf8JsonWriter(body, new JsonWriterOptions { Indented = true, Encoder = Json.Options.Encoder });
            writer.WriteStartArray();
            var count = 0;
            await foreach (var item in items.ConfigureAwait(false))
            {
                JsonSerializer.Serialize(writer, item, Json.Options);
                if (++count % 500 == 0)
                {
                    await body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                }
            }

            writer.WriteEndArray();
            writer.Flush();
            await body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        });
        app.MapGet("/explain", async (HttpContext context) => await WriteAsync(context, await invocation.App.Reads.ExplainAsync(context.Request.Query["id"].FirstOrDefault() ?? "", context.RequestAborted).ConfigureAwait(false)).ConfigureAwait(false));
        await app.StartAsync(ct).ConfigureAwait(false);
        var url = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        new ReaderFile(Environment.ProcessId, url, token).Write(invocation.StorePath);
        return new ReaderApi(app, invocation.StorePath);
    }

    private static async Task WriteAsync<T>(HttpContext context, T value)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Json.Serialize(value), context.RequestAborted).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        ReaderFile.Delete(_storePath);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The CLI owns Ctrl-C and shutdown: the host installs no console handlers of its own.</summary>
    private sealed class CallerLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
