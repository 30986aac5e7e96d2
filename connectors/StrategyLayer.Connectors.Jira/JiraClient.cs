using System.Text.Json;
using Microsoft.Extensions.Logging;
using RestSharp;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Connectors.Http;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Connectors.Jira;

/// <summary>
/// Reads one Jira instance through <see cref="SourceHttp"/>. Only GETs and the read POSTs
/// (<c>search/jql</c>, <c>issue/bulkfetch</c>) are ever sent.
/// </summary>
internal sealed partial class JiraClient : IWorkSource
{
    private const string EpicLinkSchema = "com.pyxis.greenhopper.jira:gh-epic-link";

    private readonly SourceSettings _settings;
    private readonly JiraOptions _options;
    private readonly JiraFlavor _flavor;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly SourceHttp _http;
    private readonly SemaphoreSlim _setup = new(1, 1);
    private readonly AsyncLocal<List<string>?> _errorSink = new();
    private TimeZoneInfo? _zone;
    private IssueReader? _reader;

    public JiraClient(SourceSettings settings, JiraOptions options, JiraFlavor flavor, ILoggerFactory logs, TimeProvider time)
    {
        _settings = settings;
        _options = options;
        _flavor = flavor;
        _time = time;
        _log = new SourceLogger(logs.CreateLogger<JiraClient>(), settings.Name);
        _http = new SourceHttp(settings, logs.CreateLogger<SourceHttp>(), time, DescribeError);
    }

    public string Name => _settings.Name;

    public IReadOnlyList<string> Partitions { get; } = [""];

    private string Api => _flavor == JiraFlavor.Cloud ? "rest/api/3" : "rest/api/2";

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        _setup.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Learns, once, the time zone JQL dates are read in and (Data Center) the Epic Link field.</summary>
    private async Task<(TimeZoneInfo Zone, IssueReader Reader)> ReadyAsync(CancellationToken cancellationToken)
    {
        if (_zone is not null && _reader is not null)
        {
            return (_zone, _reader);
        }

        await _setup.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _zone ??= await ProfileZoneAsync(cancellationToken).ConfigureAwait(false);
            if (_reader is null)
            {
                var epicField = _options.EpicLinkField;
                if (epicField is null && _flavor == JiraFlavor.DataCenter)
                {
                    epicField = await FindEpicLinkFieldAsync(cancellationToken).ConfigureAwait(false);
                }

                _reader = new IssueReader(_settings, _flavor, epicField);
            }

            return (_zone, _reader);
        }
        finally
        {
            _setup.Release();
        }
    }

    private async Task<TimeZoneInfo> ProfileZoneAsync(CancellationToken cancellationToken)
    {
        var name = _options.TimeZone;
        if (name is null)
        {
            try
            {
                var response = await _http.SendAsync(new RestRequest(Api + "/myself"), "myself", cancellationToken).ConfigureAwait(false);
                using var doc = Parse(response, "myself");
                name = IssueReader.Text(doc.RootElement, "timeZone");
            }
            catch (SourceException e) when (_settings.Auth.Kind == AuthKind.None && e.StatusCode is 401 or 404)
            {
                // Anonymous access has no profile: Jira reads JQL dates in its default zone, unknown to us.
                _log.LogWarning("No Jira profile for anonymous access; JQL dates are sent in UTC (set the timeZone option to override)");
            }
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return TimeZoneInfo.Utc;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone))
        {
            _log.LogDebug("JQL dates are read in the Jira user's time zone {Zone}", name);
            return zone;
        }

        _log.LogWarning("Unknown Jira time zone {Zone}; JQL dates are sent in UTC", name);
        return TimeZoneInfo.Utc;
    }

    private async Task<string?> FindEpicLinkFieldAsync(CancellationToken cancellationToken)
    {
        var response = await _http.SendAsync(new RestRequest("rest/api/2/field"), "field list", cancellationToken).ConfigureAwait(false);
        using var doc = Parse(response, "field list");
        if (doc.RootElement.ValueKind == JsonValueKind.Array)
        {
            foreach (var field in doc.RootElement.EnumerateArray())
            {
                if (IssueReader.Text(IssueReader.Prop(field, "schema"), "custom") == EpicLinkSchema)
                {
                    var id = IssueReader.Text(field, "id");
                    _log.LogDebug("Epic Link is field {FieldId}", id);
                    return id;
                }
            }
        }

        _log.LogInformation("No Epic Link field on this Jira; epics come from parents only");
        return null;
    }

    private JsonDocument Parse(RestResponse response, string where)
    {
        try
        {
            return SourceHttp.ParseJson(response);
        }
        catch (JsonException e)
        {
            throw new SourceException(
                Name,
                $"the answer to {where} is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine}): {Start(response.Content)}",
                where,
                (int)response.StatusCode,
                e);
        }
    }

    private static string Start(string? content)
    {
        var text = (content ?? "").Trim();
        return text.Length > 80 ? text[..80] + "…" : text;
    }

    private string? DescribeError(RestResponse response)
    {
        _errorSink.Value?.AddRange(JiraErrorText.Messages(response.Content));
        return JiraErrorText.Describe(response);
    }
}
