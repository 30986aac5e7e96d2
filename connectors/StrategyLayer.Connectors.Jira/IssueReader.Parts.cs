using System.Text.Json;
using StrategyLayer.Connectors.Text;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Connectors.Jira;

internal sealed partial class IssueReader
{
    private static List<ItemLink> Links(JsonElement links)
    {
        var result = new List<ItemLink>();
        if (links.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var link in links.EnumerateArray())
        {
            var type = Prop(link, "type");
            var (side, other) = Prop(link, "outwardIssue") is { ValueKind: JsonValueKind.Object } o
                ? (Text(type, "outward"), o)
                : (Text(type, "inward"), Prop(link, "inwardIssue"));
            if (Text(other, "key") is not { } target)
            {
                continue;
            }

            var status = Prop(Prop(other, "fields"), "status");
            var category = Text(Prop(status, "statusCategory"), "key") switch
            {
                "done" => StatusCategory.Done,
                "indeterminate" => StatusCategory.InProgress,
                "new" => StatusCategory.ToDo,
                _ => (StatusCategory?)null,
            };
            result.Add(new ItemLink((side ?? Text(type, "name") ?? "relates to").Trim().ToLowerInvariant(), target, Text(status, "name"), category));
        }

        return result;
    }

    /// <summary>A readable name, and the account id (Cloud) or user name (Data Center) to keep beside it.</summary>
    private static (string? Name, string? Id) Person(JsonElement user)
    {
        if (user.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        var id = Text(user, "accountId") ?? Text(user, "name") ?? Text(user, "key");
        return (Text(user, "displayName") ?? id, id);
    }

    private static DateTimeOffset? Date(JsonElement fields, string name, string key, string id, bool required)
    {
        var text = Text(fields, name);
        if (text is null)
        {
            return required ? throw new MalformedIssueException(key, id, $"{key}: fields.{name} is missing") : null;
        }

        return JiraDates.TryParse(text, out var value)
            ? value
            : throw new MalformedIssueException(key, id, $"{key}: fields.{name} is not a date: '{text}'");
    }

    private static List<string> Strings(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(LenientJson.GetString).ToList()
            : [];

    private static List<string> Names(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(e => Text(e, "name")).OfType<string>().ToList()
            : [];

    internal static JsonElement Prop(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) ? v : default;

    /// <summary>A string or number property as text; null when absent, null or another kind.</summary>
    internal static string? Text(JsonElement obj, string name)
    {
        var v = Prop(obj, name);
        return v.ValueKind switch
        {
            JsonValueKind.String => LenientJson.GetString(v),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
    }
}
