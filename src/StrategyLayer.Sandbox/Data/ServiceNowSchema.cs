namespace StrategyLayer.Sandbox.Data;

/// <summary>The columns each served table has (also what sys_dictionary lists).</summary>
internal static class ServiceNowSchema
{
    public sealed record Column(string Name, string Type, string Label, string? Reference = null);

    private static readonly Column[] Task =
    [
        new("sys_id", "GUID", "Sys ID"),
        new("number", "string", "Number"),
        new("short_description", "string", "Short description"),
        new("description", "string", "Description"),
        new("state", "integer", "State"),
        new("priority", "integer", "Priority"),
        new("impact", "integer", "Impact"),
        new("urgency", "integer", "Urgency"),
        new("category", "string", "Category"),
        new("assignment_group", "reference", "Assignment group", "sys_user_group"),
        new("assigned_to", "reference", "Assigned to", "sys_user"),
        new("cmdb_ci", "reference", "Configuration item", "cmdb_ci"),
        new("business_service", "reference", "Service", "cmdb_ci_service"),
        new("opened_at", "glide_date_time", "Opened"),
        new("closed_at", "glide_date_time", "Closed"),
        new("active", "boolean", "Active"),
        new("close_code", "string", "Resolution code"),
        new("parent", "reference", "Parent", "task"),
        new("sys_created_on", "glide_date_time", "Created"),
        new("sys_updated_on", "glide_date_time", "Updated"),
        new("sys_updated_by", "string", "Updated by"),
    ];

    public static readonly IReadOnlyDictionary<string, Column[]> Tables = new Dictionary<string, Column[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["incident"] = [.. Task, new("resolved_at", "glide_date_time", "Resolved"), new("problem_id", "reference", "Problem", "problem"), new("rfc", "reference", "Change Request", "change_request")],
        ["change_request"] = [.. Task, new("type", "string", "Type"), new("start_date", "glide_date_time", "Planned start date"), new("end_date", "glide_date_time", "Planned end date")],
        ["problem"] = [.. Task, new("resolved_at", "glide_date_time", "Resolved")],
        ["task"] = Task,
        ["sys_audit_delete"] =
        [
            new("sys_id", "GUID", "Sys ID"), new("tablename", "string", "Table name"), new("documentkey", "string", "Document key"),
            new("display_value", "string", "Display value"), new("sys_created_on", "glide_date_time", "Created"),
            new("sys_created_by", "string", "Created by"), new("sys_updated_on", "glide_date_time", "Updated"),
        ],
        ["sys_dictionary"] =
        [
            new("sys_id", "GUID", "Sys ID"), new("name", "string", "Table"), new("element", "string", "Column name"),
            new("column_label", "string", "Column label"), new("internal_type", "string", "Type"), new("reference", "string", "Reference"),
            new("sys_created_on", "glide_date_time", "Created"), new("sys_updated_on", "glide_date_time", "Updated"),
        ],
    };

    public static Column? Find(string table, string field)
    {
        if (!Tables.TryGetValue(table, out var columns))
        {
            return null;
        }

        foreach (var c in columns)
        {
            if (string.Equals(c.Name, field, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }

        return null;
    }
}
