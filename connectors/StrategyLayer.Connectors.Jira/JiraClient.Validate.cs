using System.Text.Json;
using RestSharp;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Connectors.Jira;

internal sealed partial class JiraClient
{
    /// <summary>
    /// Runs the scope JQL for at most one issue, turning Jira's 400 messages into diagnostics on the
    /// scope; then, when config names custom fields, checks that each exists on this instance.
    /// </summary>
    public async Task<IReadOnlyList<Diagnostic>> ValidateOnlineAsync(CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        try
        {
            diagnostics.AddRange(await ValidateScopeAsync(cancellationToken).ConfigureAwait(false));
            diagnostics.AddRange(await ValidateFieldsAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (SourceException e)
        {
            diagnostics.Add(new Diagnostic(e.Message, Path: $"sources[{Name}]"));
        }

        return diagnostics;
    }

    private async Task<IReadOnlyList<Diagnostic>> ValidateScopeAsync(CancellationToken cancellationToken)
    {
        var jql = Jql.Build(_settings.Scope, Jql.ChangeOrder);
        var messages = new List<string>();
        _errorSink.Value = messages;
        try
        {
            var request = _flavor == JiraFlavor.Cloud
                ? new RestRequest("rest/api/3/search/jql", Method.Post).AddStringBody(
                    JsonSerializer.Serialize(new Dictionary<string, object> { ["jql"] = jql, ["maxResults"] = 1, ["fields"] = new[] { "id" } }),
                    ContentType.Json)
                : new RestRequest("rest/api/2/search").AddQueryParameter("jql", jql).AddQueryParameter("maxResults", "0").AddQueryParameter("fields", "id");
            var response = await _http.SendAsync(request, "scope check", cancellationToken).ConfigureAwait(false);
            using var doc = Parse(response, "scope check");
            return [];
        }
        catch (SourceException e) when (e.StatusCode == 400 && messages.Count > 0)
        {
            return messages.Select(m => new Diagnostic($"Jira refuses the scope JQL: {m}", Path: $"sources[{Name}].scope")).ToList();
        }
        finally
        {
            _errorSink.Value = null;
        }
    }

    private async Task<IReadOnlyList<Diagnostic>> ValidateFieldsAsync(CancellationToken cancellationToken)
    {
        var wanted = _settings.Fields.Select(f => (Path: $"sources[{Name}].fields.{f.Key}", Id: f.Value)).ToList();
        if (_settings.EstimateField is { Length: > 0 } estimate)
        {
            wanted.Add(($"sources[{Name}].estimateField", estimate));
        }

        if (_settings.TeamField is { Length: > 0 } team)
        {
            wanted.Add(($"sources[{Name}].teamField", team));
        }

        if (_options.EpicLinkField is { Length: > 0 } epic)
        {
            wanted.Add(($"sources[{Name}].epicLinkField", epic));
        }

        if (wanted.Count == 0)
        {
            return [];
        }

        var response = await _http.SendAsync(new RestRequest(Api + "/field"), "field list", cancellationToken).ConfigureAwait(false);
        using var doc = Parse(response, "field list");
        var known = doc.RootElement.ValueKind == JsonValueKind.Array
            ? doc.RootElement.EnumerateArray().Select(f => IssueReader.Text(f, "id")).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];
        return wanted
            .Where(w => !known.Contains(w.Id))
            .Select(w => new Diagnostic($"Jira has no field with id '{w.Id}' (field ids look like customfield_10016)", Path: w.Path))
            .ToList();
    }
}
