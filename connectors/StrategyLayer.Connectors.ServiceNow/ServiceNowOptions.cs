using System.Text.Json;
using System.Text.RegularExpressions;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Connectors.ServiceNow;

/// <summary>
/// What the ServiceNow connector reads from a source's settings. Connector-only keys come from
/// <see cref="Domain.Settings.SourceDescription.Options"/>: <c>pageSize</c> (rows per request, overrides the rule below)
/// and <c>auditDeletes</c> (false for instances where sys_audit_delete cannot be read).
/// </summary>
public sealed partial record ServiceNowOptions
{
    public static readonly IReadOnlyList<string> DefaultTables = ["incident", "change_request", "problem"];

    public static readonly ServiceNowOptions Default = new();

    public IReadOnlyList<string> Tables { get; init; } = DefaultTables;

    /// <summary>
    /// Rows per request: the settings' page size when above 100 (the shared default of 100 is tuned
    /// for Jira), else 1,000; ServiceNow recommends 500–2,000 and its default of 10,000 hurts.
    /// </summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>Whether deletions are read from sys_audit_delete.</summary>
    public bool AuditDeletes { get; init; } = true;

    /// <summary>Reads the options from a source's settings; bad values are reported with their config path.</summary>
    public static ServiceNowOptions From(SourceSettings settings)
    {
        var problems = new List<Diagnostic>();
        var tables = settings.Tables.Count == 0 ? DefaultTables : settings.Tables;
        for (var i = 0; i < tables.Count; i++)
        {
            if (!TableName().IsMatch(tables[i]))
            {
                problems.Add(new Diagnostic(
                    $"'{tables[i]}' is not a ServiceNow table name (lower-case letters, digits and _)",
                    Path: $"sources.{settings.Name}.tables[{i}]"));
            }
        }

        var pageSize = settings.PageSize > 100 ? settings.PageSize : 1000;
        if (settings.Options.TryGetValue("pageSize", out var rawSize))
        {
            if (Parse(rawSize) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var size) && size > 0)
            {
                pageSize = size;
            }
            else
            {
                problems.Add(new Diagnostic("pageSize must be a positive whole number", Path: $"sources.{settings.Name}.pageSize"));
            }
        }

        var audit = true;
        if (settings.Options.TryGetValue("auditDeletes", out var rawAudit))
        {
            switch (Parse(rawAudit)?.ValueKind)
            {
                case JsonValueKind.True:
                    break;
                case JsonValueKind.False:
                    audit = false;
                    break;
                default:
                    problems.Add(new Diagnostic("auditDeletes must be true or false", Path: $"sources.{settings.Name}.auditDeletes"));
                    break;
            }
        }

        if (problems.Count > 0)
        {
            throw new DiagnosticsException(problems);
        }

        return new ServiceNowOptions { Tables = tables.ToArray(), PageSize = pageSize, AuditDeletes = audit };
    }

    private static JsonElement? Parse(string raw)
    {
        try
        {
            using var doc = JsonDocument.Parse(raw);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex TableName();
}
