using System.Text.Json;
using StrategyLayer.Connectors.Text;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Connectors.Jira;

internal sealed partial class IssueReader
{
    /// <summary>
    /// Reads one issue whatever it holds: text that cannot be read as it came (a lone surrogate) is
    /// stored with U+FFFD and named in <see cref="SourceRecord.Replaced"/>; an issue that cannot be
    /// normalized at all is quarantined with its key and page. Never throws for the issue's content.
    /// </summary>
    /// <param name="issue">The issue's JSON.</param>
    /// <param name="source">The source's name.</param>
    /// <param name="page">The search page (1-based), or null for a read by id.</param>
    /// <param name="where">Where it was read, for the quarantine reason (<c>search page 3</c>).</param>
    public (SourceRecord? Record, QuarantinedRecord? Quarantined) ReadLeniently(JsonElement issue, string source, int? page, string where)
    {
        RepairedJson? repaired = null;
        try
        {
            var element = issue;
            IReadOnlyList<ReplacedText> replaced = [];
            if (LenientJson.MayNeedRepair(issue))
            {
                repaired = LenientJson.Repair(issue);
                if (repaired.Damage.Count > 0)
                {
                    element = repaired.Root;
                    replaced = [.. repaired.Damage.Select(d => d with { Field = FieldName(d.Field), Page = page })];
                }
            }

            var record = Read(element);
            return (replaced.Count == 0 ? record : record with { Replaced = replaced }, null);
        }
        catch (MalformedIssueException e)
        {
            return (null, Quarantine(issue, source, e.Key, e.IssueId, page, $"{where}: {e.Message}"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever else the issue's content breaks (a number out of range, a shape we did not
            // expect) costs this issue only: the page goes on.
            var key = Text(issue, "key");
            var id = Text(issue, "id");
            return (null, Quarantine(issue, source, key, id, page, $"{where}: {key ?? id ?? "an issue"} cannot be read: {e.Message}"));
        }
        finally
        {
            repaired?.Dispose();
        }
    }

    private static QuarantinedRecord Quarantine(JsonElement issue, string source, string? key, string? id, int? page, string reason) =>
        new(source, "", key, id, reason, LenientJson.ToJsonText(issue)) { Page = page };

    /// <summary><c>fields.summary</c> → <c>summary</c>: the name a Jira user knows the field by.</summary>
    private static string FieldName(string path) => path.StartsWith("fields.", StringComparison.Ordinal) ? path["fields.".Length..] : path;
}
