using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StrategyLayer.Connectors.Jira;

/// <summary>
/// Atlassian Document Format (Cloud v3 rich text) as plain text: one line per paragraph, lists
/// marked and indented, code kept line by line, mentions and emoji as their visible text.
/// </summary>
internal static class AdfText
{
    private const int MaxDepth = 64;

    /// <summary>Plain text of an ADF document (a string is returned as is); null for null or empty.</summary>
    public static string? ToPlainText(JsonElement node)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.String:
                var s = node.GetString();
                return string.IsNullOrWhiteSpace(s) ? null : s;
            case JsonValueKind.Object:
                var lines = Block(node, 0);
                var text = string.Join("\n", lines.Select(l => l.TrimEnd())).Trim('\n', ' ');
                return text.Length == 0 ? null : text;
            default:
                return null;
        }
    }

    public static bool IsDocument(JsonElement node) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty("type", out var t)
        && t.ValueKind == JsonValueKind.String && t.GetString() == "doc";

    private static List<string> Block(JsonElement node, int depth)
    {
        var lines = new List<string>();
        if (depth > MaxDepth || node.ValueKind != JsonValueKind.Object)
        {
            return lines;
        }

        switch (TypeOf(node))
        {
            case "paragraph" or "heading" or "codeBlock":
                lines.AddRange(Inline(node, depth).Split('\n'));
                break;
            case "bulletList" or "orderedList":
                List(node, depth, lines);
                break;
            case "blockquote":
                lines.AddRange(Children(node).SelectMany(c => Block(c, depth + 1)).Select(l => "> " + l));
                break;
            case "rule":
                lines.Add("---");
                break;
            case "table":
                foreach (var row in Children(node))
                {
                    lines.Add(string.Join(" | ", Children(row).Select(cell =>
                        string.Join(" ", Children(cell).SelectMany(c => Block(c, depth + 1)).Where(l => l.Length > 0)))));
                }

                break;
            case "media" or "mediaSingle" or "mediaGroup" or "mediaInline":
                break;
            case "expand" or "nestedExpand":
                if (Attr(node, "title") is { Length: > 0 } title)
                {
                    lines.Add(title);
                }

                lines.AddRange(Children(node).SelectMany(c => Block(c, depth + 1)));
                break;
            case "text" or "hardBreak" or "mention" or "emoji" or "inlineCard" or "date" or "status":
                lines.AddRange(InlineNode(node, depth).Split('\n'));
                break;
            default:
                // doc, panel, layoutSection, blockCard, and node types newer than this code: their content.
                if (TypeOf(node) == "blockCard" && Attr(node, "url") is { } url)
                {
                    lines.Add(url);
                }

                lines.AddRange(Children(node).SelectMany(c => Block(c, depth + 1)));
                break;
        }

        return lines;
    }

    private static void List(JsonElement list, int depth, List<string> lines)
    {
        var ordered = TypeOf(list) == "orderedList";
        var n = 1;
        if (ordered && list.TryGetProperty("attrs", out var attrs) && attrs.ValueKind == JsonValueKind.Object
            && attrs.TryGetProperty("order", out var order) && order.TryGetInt32(out var start))
        {
            n = start;
        }

        foreach (var item in Children(list))
        {
            var marker = ordered ? (n++).ToString(CultureInfo.InvariantCulture) + ". " : "- ";
            var indent = new string(' ', marker.Length);
            var first = true;
            foreach (var line in Children(item).SelectMany(c => Block(c, depth + 1)))
            {
                lines.Add((first ? marker : indent) + line);
                first = false;
            }

            if (first)
            {
                lines.Add(marker.TrimEnd());
            }
        }
    }

    private static string Inline(JsonElement node, int depth)
    {
        var sb = new StringBuilder();
        foreach (var child in Children(node))
        {
            sb.Append(InlineNode(child, depth + 1));
        }

        return sb.ToString();
    }

    private static string InlineNode(JsonElement node, int depth)
    {
        if (depth > MaxDepth || node.ValueKind != JsonValueKind.Object)
        {
            return "";
        }

        return TypeOf(node) switch
        {
            "text" => node.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "",
            "hardBreak" => "\n",
            "mention" => Attr(node, "text") is { Length: > 0 } m ? (m.StartsWith('@') ? m : "@" + m) : "@" + (Attr(node, "id") ?? "someone"),
            "emoji" => Attr(node, "text") ?? Attr(node, "shortName") ?? "",
            "inlineCard" => Attr(node, "url") ?? "",
            "status" => Attr(node, "text") ?? "",
            "date" => Date(Attr(node, "timestamp")),
            _ => Inline(node, depth),
        };
    }

    private static string Date(string? millis) =>
        long.TryParse(millis, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : millis ?? "";

    private static string? TypeOf(JsonElement node) =>
        node.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    private static string? Attr(JsonElement node, string name)
    {
        if (!node.TryGetProperty("attrs", out var attrs) || attrs.ValueKind != JsonValueKind.Object
            || !attrs.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
    }

    private static IEnumerable<JsonElement> Children(JsonElement node) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.Array
            ? c.EnumerateArray()
            : [];
}
