using System.Text.Json.Nodes;

namespace StrategyLayer.Distribution.Channels;

/// <summary>
/// A Slack incoming-webhook body: <c>text</c> (the notification fallback) and Block Kit
/// <c>blocks</c> — a header, the summary as mrkdwn, and a link to the pack when there is one.
/// </summary>
public static class SlackMessage
{
    // Section text is limited to 3000 characters by Slack.
    private const int SectionLimit = 2900;

    public static JsonObject Build(string title, string text, string? link)
    {
        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Truncate(title, 150), ["emoji"] = false },
            },
            new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Truncate(Escape(text), SectionLimit) },
            },
        };

        if (link is not null)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = $"<{Escape(link)}|Open the pack>" },
            });
        }

        var fallback = link is null ? title : $"{title} {link}";
        return new JsonObject { ["text"] = Escape(fallback), ["blocks"] = blocks };
    }

    /// <summary>Slack reads &amp;, &lt; and &gt; as markup (<c>&lt;!channel&gt;</c> pings everyone): ticket text is escaped.</summary>
    public static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
