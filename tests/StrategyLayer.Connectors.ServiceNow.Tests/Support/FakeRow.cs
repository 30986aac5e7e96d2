using System.Text.Json.Nodes;

namespace StrategyLayer.Connectors.ServiceNow.Tests.Support;

/// <summary>One row of a fake table: each field a stored value and a display value.</summary>
public sealed class FakeRow
{
    private readonly Dictionary<string, (string Value, string Display)> _cells = new(StringComparer.Ordinal);

    public FakeRow Set(string field, string value, string? display = null)
    {
        _cells[field] = (value, display ?? value);
        return this;
    }

    public string? Value(string field) => _cells.TryGetValue(field, out var c) ? c.Value : null;

    public JsonObject ToJson(string[]? fields, bool display)
    {
        var o = new JsonObject();
        foreach (var (name, cell) in _cells)
        {
            if (fields is not null && !fields.Contains(name))
            {
                continue;
            }

            // With display_value=all an empty reference comes back as a bare "".
            o[name] = !display ? cell.Value
                : cell.Value.Length == 0 && cell.Display.Length == 0 ? ""
                : new JsonObject { ["display_value"] = cell.Display, ["value"] = cell.Value };
        }

        return o;
    }

    /// <summary>A task-like row with the fields the connector reads.</summary>
    public static FakeRow Task(string sysId, string number, string updated, string state = "2", string stateLabel = "In Progress") =>
        new FakeRow()
            .Set("sys_id", sysId)
            .Set("number", number)
            .Set("short_description", "Record " + number)
            .Set("state", state, stateLabel)
            .Set("active", "true")
            .Set("priority", "2", "2 - High")
            .Set("assignment_group", "a1", "Service Desk")
            .Set("assigned_to", "", "")
            .Set("opened_at", "2026-06-01 08:00:00", "01/06/2026 09:00:00")
            .Set("sys_created_on", "2026-06-01 08:00:00")
            .Set("sys_updated_on", updated);
}
