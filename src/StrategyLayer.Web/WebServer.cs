using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Serilog;
using StrategyLayer.Application;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Store;
using StrategyLayer.Web.Api;
using StrategyLayer.Web.Pages;
using StrategyLayer.Web.Security;
using StrategyLayer.Web.Views;
using ILogger = Serilog.ILogger;

namespace StrategyLayer.Web;

/// <summary>
/// The read-only web view over the store, on Kestrel: server-rendered pages and JSON under
/// <c>/api/</c>, GET only. The caller opens the store once and keeps it (the scheduler may be
/// writing to it in the same process); the web view never opens, writes or closes it.
/// </summary>
public static class WebServer
{
    /// <summary>Starts listening and returns once bound.</summary>
    /// <exception cref="StrategyLayerException">Usage: a URL is malformed, or not loopback while no sign-in is configured (names the URL and the config keys).</exception>
    /// <exception cref="DiagnosticsException">The page templates are missing or do not parse (file, line and column).</exception>
    public static async Task<RunningWebServer> StartAsync(
        WebServerOptions options,
        IStoreReader store,
        IItemFilterCompiler? filters = null,
        ILogger? log = null,
        CancellationToken cancellationToken = default)
    {
        log ??= Serilog.Core.Logger.None;
        var urls = BindingGuard.Parse(options.Urls);
        BindingGuard.Check(urls, options.SignInConfigured, !string.IsNullOrEmpty(options.BearerToken), options.AllowBearerOverHttp);
        var renderer = new PageRenderer(options.TemplatesFolder);
        if (!Directory.Exists(renderer.PagesFolder))
        {
            throw new DiagnosticsException([new Diagnostic("The web view's page templates are missing (expected the web/ folder of the templates folder).", renderer.PagesFolder)]);
        }

        // A broken page template refuses the start, naming file, line and column, rather than answering 500 later.
        if (renderer.Validate() is { Count: > 0 } broken)
        {
            throw new DiagnosticsException(broken);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // Production always: the developer exception page would show stack traces.
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(WebServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseUrls([.. urls]);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        // A failure to start is reported once, by the caller, in one line naming the URL: not also as
        // the host's own error with its stack trace. (Serilog's factory does not see the filters above.)
        builder.Services.AddSerilog(
            new LoggerConfiguration().MinimumLevel.Verbose()
                .MinimumLevel.Override("Microsoft.Extensions.Hosting", Serilog.Events.LogEventLevel.Fatal)
                // Data Protection writes a whole key element (the secret) at Trace when one fails to load; its Error line leaves it out.
                .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection", Serilog.Events.LogEventLevel.Information)
                .WriteTo.Logger(log)
                .CreateLogger(),
            dispose: true);
        builder.Services.AddSingleton<IHostLifetime, HostLifetime>();
        if (options.SignInConfigured)
        {
            SignIn.Add(builder.Services, options);
        }

        var app = builder.Build();
        var views = new StoreViews(new PortfolioReads(store, options.Portfolio, filters, log, options.WebBaseUrl ?? ""), options);
        app.Use((context, next) => Guarded(context, next, renderer, log));
        if (!options.SignInConfigured)
        {
            // Without sign-in only loopback listens; a page elsewhere could still reach it by DNS rebinding
            // (its own name resolving to 127.0.0.1), so only loopback host names are answered.
            app.Use((context, next) => BindingGuard.IsLoopbackHost(context.Request.Host.Host)
                ? next(context)
                : Results.Text("This web view answers only to loopback host names (localhost, 127.0.0.1, [::1]) while no sign-in is configured.", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context));
        }
        if (options.SignInConfigured)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }

        MapStatic(app, renderer);
        if (options.Oidc is not null)
        {
            try
            {
                await SignIn.LoadKeysAsync(app.Services, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await app.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            // Port taken, address not on this machine, https without a certificate: say which URL, not a stack trace.
            await app.DisposeAsync().ConfigureAwait(false);
            throw new StrategyLayerException($"Cannot listen on {string.Join(", ", urls)}: {e.Message}", ErrorKind.Runtime, "web.urls", e);
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var running = new RunningWebServer(app, bound.Count > 0 ? bound : urls, views);
        views.SetWebBaseUrl(options.WebBaseUrl ?? running.Url);
        running.Warmed = views.Warm();
        log.Information("Web view listening on {Urls} (sign-in: {SignIn})", running.Urls, SignInKind(options));
        return running;

        void MapStatic(WebApplication web, PageRenderer pages)
        {
            web.MapGet("/static/pack.css", () => Css(Path.Combine(pages.TemplatesFolder, "pack.css"))).AllowAnonymous();
            web.MapGet("/static/web.css", () => Css(Path.Combine(pages.PagesFolder, "web.css"))).AllowAnonymous();
            PageEndpoints.Map(web, views, pages);
            ApiEndpoints.Map(web, views);
        }
    }

    /// <summary>Parses every page template of <c>templates/web/</c> (for <c>validate</c>); returns the problems found, by file, line and column.</summary>
    public static IReadOnlyList<Diagnostic> ValidateTemplates(string templatesFolder) => new PageRenderer(templatesFolder).Validate();

    /// <summary>Serves until <paramref name="stop"/> is cancelled (Ctrl-C at the CLI edge), then stops cleanly.</summary>
    public static async Task RunAsync(
        WebServerOptions options,
        IStoreReader store,
        IItemFilterCompiler? filters = null,
        ILogger? log = null,
        CancellationToken stop = default)
    {
        await using var running = await StartAsync(options, store, filters, log, stop).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Asked to stop: dispose below stops Kestrel.
        }
    }

    private static string SignInKind(WebServerOptions options) =>
        (options.Oidc, string.IsNullOrEmpty(options.BearerToken)) switch
        {
            (null, true) => "none (loopback only)",
            (null, false) => "bearer token",
            (_, true) => "OpenID Connect",
            _ => "OpenID Connect and bearer token",
        };

    private static IResult Css(string path) =>
        File.Exists(path) ? Results.Text(File.ReadAllText(path), "text/css; charset=utf-8") : Results.NotFound();

    // Security headers on every response, and no stack trace to the browser: a generic page with a request id; details to the log.
    private static async Task Guarded(HttpContext context, RequestDelegate next, PageRenderer renderer, ILogger log)
    {
        context.Response.OnStarting(() =>
        {
            SecurityHeaders.Apply(context.Response.Headers);
            return Task.CompletedTask;
        });
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            var requestId = context.TraceIdentifier;
            log.Error(e, "Web request {Method} {Path} failed; request id {RequestId}", context.Request.Method, context.Request.Path.Value, requestId);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await context.Response.WriteAsJsonAsync(new { error = "The request failed; the server log has the details.", requestId }, WebJson.Options).ConfigureAwait(false);
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(ErrorHtml(renderer, requestId)).ConfigureAwait(false);
        }
    }

    private static string ErrorHtml(PageRenderer renderer, string requestId)
    {
        try
        {
            return renderer.Render("error", PageEndpoints.Error("Something went wrong", "The page could not be shown. The server log has the details.", requestId));
        }
        catch (Exception)
        {
            return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error</title></head><body><h1>Something went wrong</h1><p>Request id: "
                + System.Net.WebUtility.HtmlEncode(requestId) + "</p></body></html>";
        }
    }
}
