using System.Globalization;
using StrategyLayer.Application;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Web.Views;

namespace StrategyLayer.Web.Pages;

/// <summary>The server-rendered pages: Portfolio, Teams, Items (a team's list), Item (explain), Untracked, Runs.</summary>
internal static class PageEndpoints
{
    public static void Map(IEndpointRouteBuilder app, StoreViews views, PageRenderer renderer)
    {
        IResult Html(string page, object model, int status = StatusCodes.Status200OK) =>
            Results.Content(renderer.Render(page, model), "text/html; charset=utf-8", null, status);

        app.MapGet("/", async (string? period, CancellationToken ct) =>
        {
            var livePeriod = views.LivePeriod();
            var stored = await views.SnapshotPeriodsAsync(ct).ConfigureAwait(false);
            var isLive = string.IsNullOrEmpty(period) || period == "live";
            ReportingPeriod chosen;
            if (isLive)
            {
                chosen = livePeriod;
            }
            else if (!ReportingPeriod.TryParse(period, out chosen))
            {
                return Html("error", Error("Not found", $"'{period}' is not a period: use YYYY-MM, YYYY-Qn or YYYY-Www, or live.", "-", 404), 404);
            }

            var report = await views.PortfolioAsync(chosen, ct).ConfigureAwait(false);
            var options = new List<PeriodOption> { new("live", "live (" + livePeriod.Name + ")", isLive) };
            options.AddRange(stored.Select(p => new PeriodOption(p, p, !isLive && p == chosen.Name)));
            if (!isLive && !stored.Contains(chosen.Name))
            {
                options.Add(new PeriodOption(chosen.Name, chosen.Name, true));
            }

            return Html("portfolio", new PortfolioPage { Title = report.Title, Nav = "portfolio", Report = report, Live = isLive, Periods = options });
        });

        app.MapGet("/teams", async (CancellationToken ct) =>
            Html("teams", new TeamsPage { Title = "Teams", Nav = "teams", Clock = await views.ClockAsync(ct).ConfigureAwait(false), Teams = await views.TeamsAsync(ct).ConfigureAwait(false) }));

        app.MapGet("/items", async (string? team, string? measure, bool? untracked, string? q, int? offset, int? limit, CancellationToken ct) =>
            Html("items", await ItemsAsync(views, team, measure, untracked, q, offset ?? 0, limit ?? views.Options.PageSize, ct).ConfigureAwait(false) with { Clock = await views.ClockAsync(ct).ConfigureAwait(false) }));

        app.MapGet("/items/{id}", async (string id, CancellationToken ct) =>
        {
            WorkItem? item;
            try
            {
                item = await views.FindItemAsync(id, ct).ConfigureAwait(false);
            }
            catch (StrategyLayerException e) when (e.Kind == ErrorKind.Usage)
            {
                // A bare key two sources hold: say so, and which ids to use.
                return Html("error", Error("Ambiguous item", e.Message, "-", 404), 404);
            }

            var explain = item is null ? null : await views.ExplainAsync(item.Uid, ct).ConfigureAwait(false);
            if (item is null || explain is null)
            {
                return Html("error", Error("Not found", $"No stored item is named '{id}'.", "-", 404), 404);
            }

            return Html("item", Explain(await views.RowAsync(item, ct).ConfigureAwait(false), explain) with { Clock = await views.ClockAsync(ct).ConfigureAwait(false) });
        });

        app.MapGet("/untracked", async (CancellationToken ct) =>
        {
            var live = await views.PortfolioAsync(views.LivePeriod(), ct).ConfigureAwait(false);
            var teams = await views.TeamsAsync(ct).ConfigureAwait(false);
            return Html("untracked", new UntrackedPage
            {
                Title = "Untracked work",
                Nav = "untracked",
                Clock = new PageClock(live.Period, live.State, live.AsOf, live.FreshnessLevel),
                Teams = [.. teams.Where(t => t.Untracked > 0).OrderByDescending(t => t.Untracked).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase)],
                Suggestions = await views.SuggestionsAsync(ct).ConfigureAwait(false),
                Untracked = live.Summary.Untracked,
                InScope = live.Summary.InScope,
            });
        });

        app.MapGet("/runs", async (CancellationToken ct) => Html("runs", await RunsAsync(views, ct).ConfigureAwait(false) with { Clock = await views.ClockAsync(ct).ConfigureAwait(false) }));
    }

    public static ErrorPage Error(string title, string message, string requestId, int status = 500) =>
        new() { Title = title, Nav = "", Message = message, RequestId = requestId, StatusCode = status };

    private static async Task<ItemsPage> ItemsAsync(StoreViews views, string? team, string? measure, bool? untracked, string? q, int offset, int limit, CancellationToken cancellationToken)
    {
        var title = !string.IsNullOrEmpty(team) ? "Team " + team
            : !string.IsNullOrEmpty(measure) ? "Items of " + measure
            : untracked == true ? "Untracked items" : "All items";
        var page = new ItemsPage
        {
            Title = title,
            Nav = "teams",
            Team = team,
            Measure = measure,
            UntrackedOnly = untracked == true,
            Query = q ?? "",
            Teams = views.TeamsIfReady() ?? [],
        };
        ItemPage items;
        try
        {
            items = await views.ItemsAsync(new ItemFilter(team, measure, untracked, q), offset, limit, cancellationToken).ConfigureAwait(false);
        }
        catch (DiagnosticsException e)
        {
            var d = e.Diagnostics.FirstOrDefault();
            var column = d?.Column ?? 1;
            return page with { Error = new QueryProblem(d?.Message ?? e.Message, d?.Line, d?.Column, q ?? "", new string(' ', Math.Max(0, column - 1)) + "^") };
        }

        string Link(int from) =>
            "/items?" + string.Join("&", new[]
            {
                team is null ? null : "team=" + Uri.EscapeDataString(team),
                measure is null ? null : "measure=" + Uri.EscapeDataString(measure),
                untracked is null ? null : "untracked=" + (untracked.Value ? "true" : "false"),
                string.IsNullOrEmpty(q) ? null : "q=" + Uri.EscapeDataString(q),
                "offset=" + from.ToString(CultureInfo.InvariantCulture),
                "limit=" + items.Limit.ToString(CultureInfo.InvariantCulture),
            }.Where(p => p is not null));

        return page with
        {
            Rows = items.Items,
            Total = items.Total,
            From = items.Items.Count == 0 ? 0 : items.Offset + 1,
            To = items.Offset + items.Items.Count,
            PreviousHref = items.Offset > 0 ? Link(Math.Max(0, items.Offset - items.Limit)) : null,
            NextHref = items.Offset + items.Items.Count < items.Total ? Link(items.Offset + items.Limit) : null,
        };
    }

    private static ItemExplainPage Explain(ItemRow row, Mapping.ExplainView explain)
    {
        var winnerRule = explain.DecidedBy.Kind == "rule" ? explain.DecidedBy.Rule : null;
        return new ItemExplainPage
        {
            Title = explain.Id + " — why it maps where it does",
            Nav = "teams",
            Item = row,
            Explain = explain,
            Winner = winnerRule,
            Fields = [.. explain.Fields.OrderBy(f => f.Key, StringComparer.OrdinalIgnoreCase).Select(f => new FieldRow(f.Key, FieldText(f.Value)))],
            Candidates = [.. explain.Candidates.Select(c => new CandidateRow(
                c.Rule, c.Measure, c.Matched, c.Rule == winnerRule, c.FailedAt?.Clause, c.FailedAt?.Saw))],
        };
    }

    private static string FieldText(object? value) => value switch
    {
        null => "(empty)",
        string s => s,
        IEnumerable<string> list => "[" + string.Join(", ", list) + "]",
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static async Task<RunsPage> RunsAsync(StoreViews views, CancellationToken cancellationToken)
    {
        static string Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "-";
        var runs = await views.RunsAsync(50, cancellationToken).ConfigureAwait(false);
        var outbox = await views.OutboxAsync(cancellationToken).ConfigureAwait(false);
        return new RunsPage
        {
            Title = "Runs and outbox",
            Nav = "runs",
            Runs = [.. runs.Select(r => new RunRow(
                r.Id,
                r.Job,
                Time(r.Started),
                r.Ended is { } e ? (e - r.Started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "running",
                r.Result.ToString().ToLowerInvariant(),
                string.Join(", ", r.Counts.Select(c => c.Key + " " + c.Value.ToString(CultureInfo.InvariantCulture))),
                r.Error,
                r.Node,
                r.ScheduledFor is null ? null : Time(r.ScheduledFor)))],
            Outbox = [.. outbox.OrderByDescending(d => d.Created).Take(200).Select(d => new OutboxRow(
                d.Id, d.Audience, d.Channel, d.Recipient, d.Period, d.State.ToString().ToLowerInvariant(), d.Attempts,
                d.NextAttempt is null ? null : Time(d.NextAttempt), d.LastError, Time(d.Created)))],
        };
    }
}
