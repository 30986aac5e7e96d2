using StrategyLayer.Domain.Items;

namespace StrategyLayer.Connectors.ServiceNow;

/// <summary>Kind and status category per table, from ServiceNow's out-of-box state codes.</summary>
internal static class TableStates
{
    public static WorkItemKind Kind(string table) => table switch
    {
        "incident" => WorkItemKind.Incident,
        "change_request" => WorkItemKind.Change,
        "problem" => WorkItemKind.Problem,
        _ => WorkItemKind.Request,
    };

    /// <summary>
    /// The category of a state code. Codes a table does not know (custom states, other tables) fall
    /// back on the label (a "Cancel…" label is cancelled) and then on the record's <c>active</c> flag.
    /// </summary>
    public static StatusCategory Category(string table, string? code, string? label, bool? active)
    {
        var known = (table, code) switch
        {
            ("incident", "1") => StatusCategory.ToDo,
            ("incident", "2" or "3") => StatusCategory.InProgress,
            ("incident", "6" or "7") => StatusCategory.Done,
            ("incident", "8") => StatusCategory.Cancelled,
            ("change_request", "-5" or "-4" or "-3" or "-2") => StatusCategory.ToDo,
            ("change_request", "-1" or "0") => StatusCategory.InProgress,
            ("change_request", "3") => StatusCategory.Done,
            ("change_request", "4") => StatusCategory.Cancelled,
            ("problem", "101") => StatusCategory.ToDo,
            ("problem", "102" or "103" or "104") => StatusCategory.InProgress,
            ("problem", "106" or "107") => StatusCategory.Done,
            _ => (StatusCategory?)null,
        };
        if (known is { } category)
        {
            return category;
        }

        if (label is not null && (label.Contains("cancel", StringComparison.OrdinalIgnoreCase) || label.Contains("withdrawn", StringComparison.OrdinalIgnoreCase)))
        {
            return StatusCategory.Cancelled;
        }

        if (label is not null && (label.Contains("closed", StringComparison.OrdinalIgnoreCase) || label.Contains("resolved", StringComparison.OrdinalIgnoreCase)))
        {
            return StatusCategory.Done;
        }

        return active == false ? StatusCategory.Done : StatusCategory.InProgress;
    }
}
