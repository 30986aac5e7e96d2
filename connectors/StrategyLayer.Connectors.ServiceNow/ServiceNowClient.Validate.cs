using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Connectors.ServiceNow;

internal sealed partial class ServiceNowClient
{
    /// <summary>
    /// ServiceNow ignores an unknown field in sysparm_query and returns the rest, so a typo in a
    /// scope would pull the whole table. Checks every field the scope (and the extra-field config)
    /// names against the table's columns in sys_dictionary, the table's own and task's (incident,
    /// change_request and problem extend task).
    /// </summary>
    public async Task<IReadOnlyList<Diagnostic>> ValidateOnlineAsync(CancellationToken cancellationToken)
    {
        var problems = new List<Diagnostic>();
        var scopeFields = EncodedQuery.Fields(_settings.Scope);
        var configFields = _settings.Fields
            .Select(f => (Field: f.Value, Path: $"sources.{Name}.fields.{f.Key}"))
            .ToList();
        if (!string.IsNullOrWhiteSpace(_settings.TeamField))
        {
            configFields.Add((_settings.TeamField, $"sources.{Name}.teamField"));
        }

        foreach (var table in _options.Tables)
        {
            HashSet<string> columns;
            try
            {
                (columns, var found) = await ColumnsAsync(table, cancellationToken).ConfigureAwait(false);
                if (!found)
                {
                    problems.Add(new Diagnostic($"{Name}: table '{table}' is not in sys_dictionary (is the name right?)", Path: $"sources.{Name}.tables"));
                    continue;
                }
            }
            catch (SourceException e) when (e.StatusCode == 403)
            {
                // Integration users often may not read sys_dictionary: ask for the fields on one
                // record instead; the Table API leaves out the ones the table does not have.
                var wanted = scopeFields.Concat(configFields.Select(f => f.Field.Split('.')[0])).Distinct(StringComparer.Ordinal).ToList();
                HashSet<string>? probed;
                try
                {
                    probed = await ProbeColumnsAsync(table, wanted, cancellationToken).ConfigureAwait(false);
                }
                catch (SourceException probe)
                {
                    problems.Add(new Diagnostic($"{Name}: cannot read table '{table}': {probe.Message}", Path: $"sources.{Name}.tables"));
                    continue;
                }

                if (probed is null)
                {
                    problems.Add(new Diagnostic(
                        $"{Name}: cannot check the fields of table '{table}': no read access to sys_dictionary and the table has no record to look at",
                        Path: $"sources.{Name}.scope"));
                    continue;
                }

                columns = probed;
            }
            catch (SourceException e)
            {
                problems.Add(new Diagnostic($"{Name}: cannot read the columns of table '{table}': {e.Message}", Path: $"sources.{Name}.tables"));
                continue;
            }

            foreach (var field in scopeFields.Where(f => !columns.Contains(f)))
            {
                problems.Add(new Diagnostic(
                    $"{Name}: the scope names field '{field}', which table '{table}' does not have; ServiceNow would ignore that condition and return the rest",
                    Path: $"sources.{Name}.scope"));
            }

            foreach (var (field, path) in configFields.Where(f => !columns.Contains(f.Field.Split('.')[0])))
            {
                problems.Add(new Diagnostic($"{Name}: field '{field}' is not a column of table '{table}'", Path: path));
            }
        }

        return problems;
    }

    /// <summary>Which of the wanted fields one record of the table has; null when the table has no record.</summary>
    private async Task<HashSet<string>?> ProbeColumnsAsync(string table, IReadOnlyList<string> wanted, CancellationToken cancellationToken)
    {
        var fields = string.Join(",", wanted.Prepend("sys_id").Distinct(StringComparer.Ordinal));
        using var page = await GetRowsAsync(table, "", fields, display: false, 1, $"table {table}, field check", cancellationToken).ConfigureAwait(false);
        if (page.Count == 0 || page.Rows[0].ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            return null;
        }

        return page.Rows[0].EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The columns of the table and of task; found is false when the table itself has no entry.</summary>
    private async Task<(HashSet<string> Columns, bool Found)> ColumnsAsync(string table, CancellationToken cancellationToken)
    {
        var columns = new HashSet<string>(StringComparer.Ordinal);
        var found = false;
        var scope = table == "task" ? "name=task" : $"name={table}^ORname=task";
        string? condition = null;
        for (var number = 1; ; number++)
        {
            var query = EncodedQuery.Combine(scope, condition, "sys_id");
            using var page = await GetRowsAsync("sys_dictionary", query, "sys_id,name,element", display: false, _options.PageSize, $"sys_dictionary for {table}, page {number}", cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                return (columns, found);
            }

            string? lastId = null;
            foreach (var row in page.Rows.EnumerateArray())
            {
                var r = new TableRecord(row);
                if (r.Value("element") is { } element)
                {
                    columns.Add(element);
                }

                found |= r.Value("name") == table;

                lastId = r.Value("sys_id") ?? lastId;
            }

            if (lastId is null)
            {
                return (columns, found);
            }

            condition = "sys_id>" + lastId;
        }
    }
}
