using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Reporting.Model;
using StrategyLayer.Reporting.Tests.Support;

namespace StrategyLayer.Reporting.Tests;

public sealed class ReportBuilderTests
{
    private static async Task<ReportModel> Build(InMemoryStore store, ReportSettings? settings = null, StrategyTree? tree = null, ReportScope? scope = null, string? web = null) =>
        await DemoPortfolio.Builder(store, settings, tree, webBaseUrl: web)
            .BuildAsync(new ReportRequest(DemoPortfolio.November, scope ?? ReportScope.Portfolio, DemoPortfolio.AsOf), CancellationToken.None);

    private static MeasureView Measure(ReportModel model, string id) => model.Measures.Single(m => m.Id == id);

    [Fact]
    public async Task A_measure_blocked_by_another_teams_old_open_item_is_red_and_names_the_blocker_the_team_the_age_and_the_items()
    {
        var model = await Build(DemoPortfolio.Store(), ReportSettings.Default with { DoneRatioAmberBehind = 500, DoneRatioRedBehind = 500 });

        var impl = Measure(model, "M-PCI-TOKEN").Implementation;
        Assert.Equal("red", impl.Status);
        var reason = impl.Reasons[0];
        Assert.Equal("red", reason.Level);
        Assert.StartsWith("2 items blocked by OPS-12, team OPS (In Progress), open 21 days", reason.Text, StringComparison.Ordinal);
        Assert.Equal(["OPS-12", "PAY-2", "PAY-3"], reason.Items.Select(i => i.Key));
    }

    [Fact]
    public async Task Any_open_cross_team_blocker_makes_a_measure_at_least_amber_however_young()
    {
        var settings = ReportSettings.Default with { BlockerRedDays = 60, DoneRatioAmberBehind = 500, DoneRatioRedBehind = 500 };

        var model = await Build(DemoPortfolio.Store(), settings);

        var impl = Measure(model, "M-PCI-TOKEN").Implementation;
        Assert.Equal("amber", impl.Status);
        Assert.Contains(impl.Reasons, r => r.Text.Contains("blocked by OPS-12", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dependency_whose_blocker_is_done_in_the_store_is_not_a_risk()
    {
        var store = DemoPortfolio.Store();
        DemoPortfolio.Put(store, DemoPortfolio.Jira("WEB-1", "WEB", StatusCategory.InProgress, "Self-service portal", DemoPortfolio.AsOf) with
        {
            Links = [new ItemLink(LinkTypes.IsBlockedBy, "OPS-13", "In Progress", StatusCategory.InProgress, "OPS")],
        }, "M-SD-MTTR", "web");

        var model = await Build(store);

        Assert.DoesNotContain(model.Blockers, b => b.Blocker.Key == "OPS-13");
        Assert.Equal(0, Measure(model, "M-SD-MTTR").Blocked);
        Assert.DoesNotContain(Measure(model, "M-SD-MTTR").Implementation.Reasons, r => r.Text.Contains("blocked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_blocker_unknown_to_the_store_counts_as_open_because_nothing_shows_it_resolved()
    {
        var store = DemoPortfolio.Store();
        DemoPortfolio.Put(store, DemoPortfolio.Jira("WEB-2", "WEB", StatusCategory.InProgress, "Chatbot", DemoPortfolio.AsOf) with
        {
            Links = [new ItemLink(LinkTypes.IsBlockedBy, "NET-7")],
        }, "M-SD-MTTR", "web");

        var model = await Build(store);

        var blocker = Assert.Single(model.Blockers, b => b.Blocker.Key == "NET-7");
        Assert.Equal("NET", blocker.BlockerTeam);
        Assert.True(blocker.CrossTeam);
        Assert.NotEqual("green", Measure(model, "M-SD-MTTR").Implementation.Status);
    }

    [Fact]
    public async Task Potential_compares_actual_with_plan_in_the_kpis_direction()
    {
        var costDown = await Build(DemoPortfolio.Store(), tree: DemoPortfolio.Tree(KpiDirection.Down, costActual: 130));
        var costDownCheap = await Build(DemoPortfolio.Store(), tree: DemoPortfolio.Tree(KpiDirection.Down, costActual: 80));
        var costUpLow = await Build(DemoPortfolio.Store(), tree: DemoPortfolio.Tree(KpiDirection.Up, costActual: 80));
        var costDownSlightly = await Build(DemoPortfolio.Store(), tree: DemoPortfolio.Tree(KpiDirection.Down, costActual: 115));

        Assert.Equal("red", Measure(costDown, "M-RUN-COST").Potential.Status);
        Assert.Contains("behind plan by 30%", Measure(costDown, "M-RUN-COST").Potential.Reasons[0].Text, StringComparison.Ordinal);
        Assert.Equal("green", Measure(costDownCheap, "M-RUN-COST").Potential.Status);
        Assert.Equal("amber", Measure(costUpLow, "M-RUN-COST").Potential.Status);
        Assert.Equal("amber", Measure(costDownSlightly, "M-RUN-COST").Potential.Status);
    }

    [Fact]
    public async Task Computed_actuals_use_the_rule_language_for_ratios_and_the_done_ratio_for_done_ratio()
    {
        var model = await Build(DemoPortfolio.Store());

        Assert.Equal(50, Measure(model, "M-SD-MTTR").Actual);
        Assert.Equal("green", Measure(model, "M-SD-MTTR").Potential.Status);
        Assert.Equal(25, Measure(model, "M-PCI-TOKEN").Actual);
        Assert.Equal("amber", Measure(model, "M-PCI-TOKEN").Potential.Status); // 25% against 33% planned by 20 November
    }

    [Fact]
    public async Task Nodes_take_the_worst_status_of_what_they_contain_and_say_which_child_made_them_so()
    {
        var model = await Build(DemoPortfolio.Store());

        var package = model.Tree.Single(r => r.Id == "MP-SD");
        Assert.Equal("amber", package.Implementation.Status); // M-RUN-COST has no work, M-SD-MTTR green
        Assert.Equal("red", package.Potential.Status);
        Assert.Contains(package.Potential.Reasons, r => r.Text == "Monthly run cost (M-RUN-COST) is red");
        var portfolio = model.Tree.Single(r => r.Id == "P-DIG");
        Assert.Equal(0, portfolio.Depth);
        Assert.Equal("red", portfolio.Implementation.Status);
        Assert.Contains(portfolio.Potential.Reasons, r => r.Text == "Service desk (PR-SD) is red");
        Assert.Contains("worst", model.RollUpRule, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_roll_up_row_repeats_its_only_child_a_single_child_carries_the_nodes_above_it_in_its_chain()
    {
        var model = await Build(DemoPortfolio.Store());

        // P-DIG holds two programs; PR-PAY › PJ-PCI › MP-PCI hold one measure; PR-SD › PJ-SD hold one package of two measures.
        Assert.Equal(
            ["portfolio P-DIG 0", "measure M-PCI-TOKEN 1", "package MP-SD 1", "measure M-SD-MTTR 2", "measure M-RUN-COST 2"],
            model.Tree.Select(r => r.Level + " " + r.Id + " " + r.Depth));
        Assert.Equal(["PR-PAY", "PJ-PCI", "MP-PCI"], model.Tree.Single(r => r.Id == "M-PCI-TOKEN").Chain!.Select(c => c.Id));
        Assert.Equal(["program", "project"], model.Tree.Single(r => r.Id == "MP-SD").Chain!.Select(c => c.Level));
        Assert.DoesNotContain(model.Tree, r => r.Implementation.Reasons.Concat(r.Potential.Reasons).Any(x => x.Text.StartsWith("All 1 ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Decisions_needed_list_each_red_measure_and_each_old_cross_team_blocker_with_both_owners()
    {
        var model = await Build(DemoPortfolio.Store());

        Assert.Equal(
            ["red-measure:M-PCI-TOKEN", "red-measure:M-RUN-COST", "cross-team-blocker:OPS-12"],
            model.Decisions.Select(d => d.Kind + ":" + (d.Kind == "red-measure" ? d.Title.Split('(', ')')[1] : d.Items[0].Key)));
        var blocker = model.Decisions[2];
        Assert.Contains("team PAY", blocker.FirstOwner, StringComparison.Ordinal);
        Assert.Contains("Rui Lopes", blocker.FirstOwner, StringComparison.Ordinal);
        Assert.Equal("Blocking: team OPS (Olga Ops)", blocker.SecondOwner);
        Assert.Equal(21, blocker.AgeDays);
        Assert.Equal("Business owner: Ana Costa", model.Decisions[0].FirstOwner);
        Assert.Equal("Technical owner: Rui Lopes", model.Decisions[0].SecondOwner);
    }

    [Fact]
    public async Task A_young_cross_team_blocker_is_not_yet_a_decision()
    {
        var model = await Build(DemoPortfolio.Store(), ReportSettings.Default with { DecisionBlockerDays = 30 });

        Assert.DoesNotContain(model.Decisions, d => d.Kind == "cross-team-blocker");
    }

    [Fact]
    public async Task Coverage_untracked_share_and_untracked_by_team_count_in_scope_items()
    {
        var model = await Build(DemoPortfolio.Store());

        Assert.Equal(12, model.Summary.InScope);
        Assert.Equal(5, model.Summary.Untracked);
        Assert.Equal(58.3, model.Summary.CoveragePercent);
        Assert.Equal(41.7, model.Summary.UntrackedPercent);
        var data = model.UntrackedByTeam[0];
        Assert.Equal(("DATA", 3, 3, 100.0), (data.Team, data.Items, data.Untracked, data.UntrackedPercent));
        Assert.Equal(["DATA-1", "DATA-2", "DATA-3"], data.Sample.Select(i => i.Key));
    }

    [Fact]
    public async Task Freshness_gives_each_sources_last_sync_age_and_flags_old_ones_and_quarantine()
    {
        var store = DemoPortfolio.Store();
        store.QuarantineList.Add(new QuarantinedRecord("jira", "default", "PAY-99", "99", "bad date", "{}"));

        var model = await Build(store);

        var jira = model.Freshness.Single(f => f.Source == "jira");
        Assert.Equal((3.0, "amber", 1), (jira.AgeHours!.Value, jira.Level, jira.Quarantined));
        Assert.Equal("2026-11-20 09:00 +00:00", jira.LastSync);
        var sn = model.Freshness.Single(f => f.Source == "servicenow");
        Assert.Equal("red", sn.Level);
        Assert.Equal("red", model.FreshnessLevel);
    }

    [Fact]
    public async Task Freshness_names_the_source_that_failed_in_the_last_finished_run_that_synced_whatever_the_run_is_called()
    {
        var store = DemoPortfolio.Store();
        var at = DemoPortfolio.AsOf.AddHours(-2);
        store.Runs.Add(new RunRecord { Id = "a", Job = "run", Started = at, Ended = at.AddMinutes(3), Result = RunResult.Partial, ScheduledFor = at, Error = "servicenow/incident: 503 Service Unavailable" });
        store.Runs.Add(new RunRecord { Id = "b", Job = "map", Started = at.AddMinutes(10), Ended = at.AddMinutes(11), Result = RunResult.Failed });
        store.Runs.Add(new RunRecord { Id = "c", Job = "sync:jira", Started = at.AddMinutes(20), ScheduledFor = at.AddMinutes(20) });

        var model = await Build(store);

        Assert.Null(model.Freshness.Single(f => f.Source == "jira").Note);
        Assert.Equal("last sync run partial: servicenow/incident: 503 Service Unavailable", model.Freshness.Single(f => f.Source == "servicenow").Note);
    }

    [Fact]
    public async Task Freshness_in_a_run_reads_the_sync_that_ran_just_before_the_report_not_an_older_record()
    {
        var store = DemoPortfolio.Store();
        var at = DemoPortfolio.AsOf.AddHours(-2);
        store.Runs.Add(new RunRecord { Id = "old", Job = "sync", Started = at, Ended = at.AddMinutes(3), Result = RunResult.Partial, Error = "jira: 401 Unauthorized" });

        var model = await DemoPortfolio.Builder(store, syncedNow: new Dictionary<string, string?> { ["jira"] = null, ["servicenow"] = "servicenow/incident: timeout" })
            .BuildAsync(new ReportRequest(DemoPortfolio.November, ReportScope.Portfolio, DemoPortfolio.AsOf), CancellationToken.None);

        Assert.Null(model.Freshness.Single(f => f.Source == "jira").Note);
        Assert.Equal("sync failed: servicenow/incident: timeout", model.Freshness.Single(f => f.Source == "servicenow").Note);
    }

    [Fact]
    public async Task Links_go_to_the_web_view_when_it_is_configured_and_to_the_source_otherwise()
    {
        var plain = await Build(DemoPortfolio.Store());
        var web = await Build(DemoPortfolio.Store(), web: "https://pmo.example.com/sl/");

        Assert.Equal("https://jira.example.test/browse/OPS-12", plain.Blockers[0].Blocker.Url);
        Assert.Equal("https://pmo.example.com/sl/items/jira%3AOPS-12", web.Blockers[0].Blocker.Url);
        Assert.Equal("https://pmo.example.com/sl/items?measure=M-PCI-TOKEN", Measure(web, "M-PCI-TOKEN").ItemsUrl);
    }

    [Fact]
    public async Task A_delivery_lead_pack_lists_the_teams_items_untracked_first_with_measure_and_rule()
    {
        var store = DemoPortfolio.Store();
        DemoPortfolio.Put(store, DemoPortfolio.Jira("PAY-9", "PAY", StatusCategory.ToDo, "Untracked PAY chore", DemoPortfolio.AsOf), null, null);

        var model = await Build(store, scope: ReportScope.ForTeam("PAY"));

        Assert.Equal(["PAY-9", "PAY-1", "PAY-2", "PAY-3", "PAY-4"], model.Items.Select(i => i.Key));
        Assert.True(model.Items[0].Untracked);
        Assert.Equal(("M-PCI-TOKEN", "Card data tokenized", "rule", "pci-work"), (model.Items[1].Measure, model.Items[1].MeasureName, model.Items[1].DecidedBy, model.Items[1].Rule));
        Assert.Equal(("inherited", "jira:PAY-1"), (model.Items[4].DecidedBy, model.Items[4].Via!.Single()));
        Assert.Equal(5, model.TeamSummary!.Items);
    }

    [Fact]
    public async Task Item_tables_are_capped_and_say_how_many_more_there_are()
    {
        var model = await Build(DemoPortfolio.Store(), ReportSettings.Default with { MaxRows = 2 }, scope: ReportScope.Untracked);

        Assert.Equal(2, model.Items.Count);
        Assert.Equal(5, model.ItemsTotal);
        Assert.Equal(3, model.ItemsMore);
    }

    [Fact]
    public async Task A_hostile_browse_url_never_becomes_a_link()
    {
        var store = DemoPortfolio.Store();
        DemoPortfolio.Put(store, DemoPortfolio.Jira("DATA-4", "DATA", StatusCategory.ToDo, "x", DemoPortfolio.AsOf) with { BrowseUrl = "javascript:alert(1)" }, null, null);

        var model = await Build(store, scope: ReportScope.Untracked);

        Assert.Null(model.Items.Single(i => i.Key == "DATA-4").Url);
    }

    [Fact]
    public async Task A_quarter_takes_the_plan_and_entered_actual_of_its_last_month_that_has_one()
    {
        var model = await DemoPortfolio.Builder(DemoPortfolio.Store())
            .BuildAsync(new ReportRequest(StrategyLayer.Domain.Reporting.ReportingPeriod.Parse("2026-Q4"), ReportScope.Portfolio, DemoPortfolio.AsOf), CancellationToken.None);

        var pci = Measure(model, "M-PCI-TOKEN");
        var cost = Measure(model, "M-RUN-COST");
        Assert.Equal((70.0, "2026-Q4"), (pci.Planned!.Value, model.Period));
        Assert.Equal((100.0, 130.0), (cost.Planned!.Value, cost.Actual!.Value));
    }

    [Fact]
    public async Task Items_the_mapping_stage_has_not_seen_are_left_out_and_counted_apart_like_the_status_verb_does()
    {
        var store = DemoPortfolio.Store();
        store.Put(DemoPortfolio.Jira("WEB-30", "WEB", StatusCategory.ToDo, "Fresh from sync", DemoPortfolio.AsOf), null);

        var model = await Build(store);

        Assert.Equal((12, 5, 1), (model.Summary.InScope, model.Summary.Untracked, model.Summary.NotYetMapped));
    }

    [Fact]
    public async Task Each_untracked_item_carries_the_suggested_rule_that_would_map_it()
    {
        var suggestion = new RuleSuggestion("labels", "observability", "project = DATA and labels in (observability)", "M-OBS", 3, ["jira:DATA-1"]);
        var model = await DemoPortfolio.Builder(DemoPortfolio.Store())
            .BuildAsync(new ReportRequest(DemoPortfolio.November, ReportScope.Untracked, DemoPortfolio.AsOf, [suggestion]), CancellationToken.None);

        Assert.Equal(
            ["DATA-1", "DATA-2", "DATA-3"],
            model.Items.Where(i => i.SuggestedRule == suggestion.RuleText).Select(i => i.Key));
        Assert.Null(model.Items.Single(i => i.Key == "OPS-12").SuggestedRule);
        Assert.Equal("M-OBS", model.Items.Single(i => i.Key == "DATA-2").SuggestedMeasure);
    }
}
