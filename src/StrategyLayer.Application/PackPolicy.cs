using StrategyLayer.Distribution;
using StrategyLayer.Domain.Settings;
using StrategyLayer.Reporting.Model;

namespace StrategyLayer.Application;

/// <summary>
/// What a built pack becomes for delivery: its version (so an unchanged pack is not sent again), its
/// one-line summary, its link into the web view, and the exception notices it raises.
/// </summary>
public static class PackPolicy
{
    /// <summary>
    /// What the pack says, not when it was rendered: the model without its generation and as-of
    /// stamps, so a scheduled run that finds nothing new sends nothing again.
    /// </summary>
    public static string Version(ReportModel model, AudienceSettings audience)
    {
        // Freshness ages tick every second; the level they give is what the reader acts on.
        var stable = model with
        {
            GeneratedAt = "",
            AsOf = "",
            Freshness = model.Freshness.Select(f => f with { AgeHours = null, Age = f.Level }).ToList(),
        };
        var json = System.Text.Json.JsonSerializer.Serialize(stable);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(audience.Format + "\n" + json));
        return Convert.ToHexString(hash, 0, 16).ToLowerInvariant();
    }

    /// <summary>The one line a delivery says about the pack.</summary>
    public static string Summary(ReportModel model) =>
        $"{model.Title} — {model.Period}: {model.Summary.MeasuresRed} red, {model.Summary.MeasuresAmber} amber, {model.Summary.MeasuresGreen} green measures; "
        + $"coverage {model.Summary.CoveragePercent:0.#}%, untracked {model.Summary.Untracked:N0} items ({model.Summary.UntrackedPercent:0.#}%); "
        + $"{model.Decisions.Count} decisions needed.";

    /// <summary>Where the audience reads the pack in the web view; null without a <c>webBaseUrl</c>.</summary>
    public static string? Link(string? webBaseUrl, AudienceSettings audience) =>
        webBaseUrl is null ? null : audience.Team is null ? webBaseUrl + "/" : webBaseUrl + "/teams/" + Uri.EscapeDataString(audience.Team);

    /// <summary>Measures that turned red and blockers that are new since the previous period.</summary>
    public static IEnumerable<ExceptionNotice> Exceptions(ReportModel model, string? webBaseUrl)
    {
        foreach (var change in model.Changes.Measures.Where(c => c.What is "implementation" or "potential" && c.After == "red" && c.Before != "red"))
        {
            yield return new ExceptionNotice(ExceptionKind.MeasureTurnedRed, change.Id, $"{change.Id} {change.Name} turned red ({change.What}: {change.Before} → {change.After})", webBaseUrl);
        }

        foreach (var blocker in model.Changes.NewBlockers)
        {
            yield return new ExceptionNotice(ExceptionKind.NewBlocker, blocker.Blocker.Id, $"{blocker.Blocker.Id} ({blocker.BlockerTeam}) now blocks {blocker.BlockedCount} item(s) of {string.Join(", ", blocker.BlockedTeams)}", blocker.Blocker.Url);
        }
    }
}
