using System.Globalization;
using StrategyLayer.Sandbox.Data;

namespace StrategyLayer.Sandbox.Jira;

internal sealed partial class JqlParser
{
    private static readonly string[] Fields =
        ["project", "key", "issuekey", "id", "updated", "created", "labels", "issuetype", "type", "status", "statuscategory", "component", "priority", "parent"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd", "yyyy-M-d H:mm", "yyyy/M/d H:mm", "yyyy-M-d", "yyyy/M/d"];

    private static bool KnownField(string field) => Fields.Contains(field);

    private Func<JiraRow, bool> Empty(string field, string display, bool empty) => field switch
    {
        "labels" => row => (row.Issue.Labels.Count == 0) == empty,
        "component" => row => (row.Issue.Components.Count == 0) == empty,
        "parent" => row => (row.Issue.Parent < 0) == empty,
        _ => throw new JqlException($"The operator '{(empty ? "is" : "is not")}' is not supported by the '{display}' field."),
    };

    private Func<JiraRow, bool> Clause(string field, string display, string op, List<string> values)
    {
        switch (field)
        {
            case "project":
                {
                    var projects = values.Select(v => ProjectOf(v, display)).ToHashSet();
                    return Membership(op, display, row => projects.Contains(row.Index.Group(row.Item)));
                }

            case "key" or "issuekey" or "parent":
                {
                    var items = values.Select(v => ItemOf(v, field == "parent" ? "parent" : "key")).ToHashSet();
                    return field == "parent"
                        ? Membership(op, display, row => items.Contains(row.Issue.Parent))
                        : Membership(op, display, row => items.Contains(row.Item));
                }

            case "id":
                {
                    if (op is "=" or "!=" or "in" or "not in")
                    {
                        var items = values.Select(v => ItemOf(v, "id")).ToHashSet();
                        return Membership(op, display, row => items.Contains(row.Item));
                    }

                    if (!long.TryParse(values[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                    {
                        throw new JqlException($"The value '{values[0]}' does not exist for the field 'id'.");
                    }

                    return Compare(op, display, row => row.Index.JiraId(row.Item), id);
                }

            case "updated" or "created":
                {
                    if (op is "in" or "not in" or "~" or "!~")
                    {
                        throw new JqlException($"The operator '{op.ToUpperInvariant()}' is not supported by the '{display}' field.");
                    }

                    var at = DateValue(values[0], display);
                    var seed = index.Seed;
                    var genNow = index.GeneratedNowSeconds;
                    Func<JiraRow, long> get = field == "updated"
                        ? row => row.Index.Updated(row.Item)
                        : row => Timeline.Created(seed, row.Item, ItemKind.Jira, genNow);
                    return Compare(op, display, get, at);
                }

            case "labels":
                return Multi(op, display, values, row => row.Issue.Labels);
            case "component":
                return Multi(op, display, values, row => row.Issue.Components);
            case "issuetype" or "type":
                return Named(op, display, values, ["Epic", "Story", "Task", "Bug", "Sub-task"], row => row.Issue.Type);
            case "status":
                return Named(op, display, values, Vocabulary.Statuses, row => Vocabulary.Statuses[row.Issue.Status]);
            case "priority":
                return Named(op, display, values, Vocabulary.Priorities, row => Vocabulary.Priorities[row.Issue.Priority]);
            default:
                {
                    var keys = new[] { "new", "indeterminate", "done" };
                    var names = values.Select(v => keys.FirstOrDefault(k => k.Equals(v, StringComparison.OrdinalIgnoreCase))
                        ?? Vocabulary.StatusCategoryNames.FirstOrDefault(k => k.Equals(v, StringComparison.OrdinalIgnoreCase)) switch
                        {
                            "To Do" => "new",
                            "In Progress" => "indeterminate",
                            "Done" => "done",
                            _ => throw new JqlException($"The value '{v}' does not exist for the field '{display}'."),
                        }).ToHashSet();
                    return Membership(op, display, row => names.Contains(Vocabulary.StatusCategoryKeys[row.Issue.Status]));
                }
        }
    }

    private static Func<JiraRow, bool> Membership(string op, string display, Func<JiraRow, bool> contains) => op switch
    {
        "=" or "in" => contains,
        "!=" or "not in" => row => !contains(row),
        _ => throw new JqlException($"The operator '{op.ToUpperInvariant()}' is not supported by the '{display}' field."),
    };

    private static Func<JiraRow, bool> Compare(string op, string display, Func<JiraRow, long> get, long value) => op switch
    {
        "=" => row => get(row) == value,
        "!=" => row => get(row) != value,
        ">" => row => get(row) > value,
        ">=" => row => get(row) >= value,
        "<" => row => get(row) < value,
        "<=" => row => get(row) <= value,
        _ => throw new JqlException($"The operator '{op.ToUpperInvariant()}' is not supported by the '{display}' field."),
    };

    private static Func<JiraRow, bool> Multi(string op, string display, List<string> values, Func<JiraRow, IReadOnlyList<string>> get)
    {
        var set = values.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return op switch
        {
            "=" or "in" => row => get(row).Any(set.Contains),
            "!=" or "not in" => row => !get(row).Any(set.Contains),
            _ => throw new JqlException($"The operator '{op.ToUpperInvariant()}' is not supported by the '{display}' field."),
        };
    }

    private static Func<JiraRow, bool> Named(string op, string display, List<string> values, IReadOnlyList<string> known, Func<JiraRow, string> get)
    {
        foreach (var v in values)
        {
            if (!known.Contains(v, StringComparer.OrdinalIgnoreCase))
            {
                throw new JqlException($"The value '{v}' does not exist for the field '{display}'.");
            }
        }

        var set = values.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Membership(op, display, row => set.Contains(get(row)));
    }

    private int ProjectOf(string value, string display)
    {
        for (var p = 0; p < Vocabulary.ProjectKeys.Length; p++)
        {
            if (Vocabulary.ProjectKeys[p].Equals(value, StringComparison.OrdinalIgnoreCase) || Vocabulary.ProjectNames[p].Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                return p;
            }
        }

        throw new JqlException($"The value '{value}' does not exist for the field '{display}'.");
    }

    private int ItemOf(string value, string field)
    {
        var item = index.FindJira(value);
        return item >= 0 ? item : throw new JqlException($"An issue with key '{value}' does not exist for field '{field}'.");
    }

    private long DateValue(string value, string field)
    {
        var v = value.Trim();
        if (v.Length > 0 && v.All(char.IsAsciiDigit) && v.Length > 8)
        {
            return long.Parse(v, CultureInfo.InvariantCulture) / 1000;
        }

        if (v.Length > 1 && (v[0] == '-' || v[0] == '+') && char.IsAsciiDigit(v[1]))
        {
            var unit = v[^1];
            if (int.TryParse(v.AsSpan(1, v.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && "wdhm".Contains(unit, StringComparison.Ordinal))
            {
                var span = unit switch { 'w' => TimeSpan.FromDays(7 * n), 'd' => TimeSpan.FromDays(n), 'h' => TimeSpan.FromHours(n), _ => TimeSpan.FromMinutes(n) };
                return (v[0] == '-' ? now - span : now + span).ToUnixTimeSeconds();
            }
        }

        if (DateTime.TryParseExact(v, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            // Bare JQL dates are in the user's profile time zone (GET /myself), not UTC.
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUnixTimeSeconds();
        }

        throw new JqlException($"Date value '{value}' for field '{field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.");
    }
}
