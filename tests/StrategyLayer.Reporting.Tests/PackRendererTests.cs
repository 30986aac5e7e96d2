using AngleSharp.Html.Parser;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Reporting.Model;
using StrategyLayer.Reporting.Tests.Support;

namespace StrategyLayer.Reporting.Tests;

public sealed class PackRendererTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static Task<ReportModel> Model(ReportScope scope) =>
        DemoPortfolio.Builder(DemoPortfolio.Store())
            .BuildAsync(new ReportRequest(DemoPortfolio.November, scope, DemoPortfolio.AsOf), CancellationToken.None);

    private PackRenderer PmoTemplate(string name, string text)
    {
        File.WriteAllText(temp.File(name + ".sbn"), text);
        return new PackRenderer(temp.Path);
    }

    [Fact]
    public async Task A_pmos_own_template_that_prints_a_title_plainly_still_prints_it_escaped()
    {
        var model = await Model(ReportScope.Untracked);
        var renderer = PmoTemplate("mine", "<ul>{{ for i in items }}<li>{{ i.title }}</li>{{ end }}</ul>");

        var html = renderer.RenderToString("mine", model);

        Assert.Contains("<li>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.Contains(doc.QuerySelectorAll("li"), li => li.TextContent == "<script>alert('x')</script>");
    }

    [Fact]
    public async Task Values_in_attributes_are_escaped_too()
    {
        var model = await Model(ReportScope.Untracked);
        var renderer = PmoTemplate("attr", "{{ for i in items }}<a title=\"{{ i.title }}\">x</a>{{ end }}");

        var doc = new HtmlParser().ParseDocument(renderer.RenderToString("attr", model));

        Assert.All(doc.QuerySelectorAll("a"), a => Assert.Single(a.Attributes));
        Assert.Contains(doc.QuerySelectorAll("a"), a => a.GetAttribute("title") == "<script>alert('x')</script>");
    }

    [Fact]
    public async Task The_portfolio_pack_shows_hostile_titles_as_text_and_carries_our_svg_trend_as_markup()
    {
        var model = await Model(ReportScope.Portfolio);
        var renderer = new PackRenderer(RepoPaths.Templates);

        var html = renderer.RenderToString("portfolio-pack", model);

        var doc = new HtmlParser().ParseDocument(html);
        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.Empty(doc.QuerySelectorAll("[onerror]"));
        Assert.Contains("title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\"", html, StringComparison.Ordinal);
        Assert.Equal(model.Measures.Count, doc.QuerySelectorAll("svg.trend").Length);
        Assert.Contains("Café façade — 東京 rollout ✓", doc.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trend_chart_carries_its_value_axis_its_periods_and_its_latest_values_in_type_readable_on_paper()
    {
        var model = await Model(ReportScope.Portfolio);
        var doc = new HtmlParser().ParseDocument(new PackRenderer(RepoPaths.Templates).RenderToString("portfolio-pack", model));

        // Monthly run cost: planned 110 → 100, actual 120 → 130 (October, November).
        var chart = doc.QuerySelectorAll("section.planned-actual tbody tr").Single(r => r.TextContent.Contains("M-RUN-COST", StringComparison.Ordinal)).QuerySelector("svg.trend")!;
        var labels = chart.QuerySelectorAll("text").Select(t => t.TextContent).ToList();
        Assert.Equal(["130", "0", "Oct", "Nov", "130", "100"], labels);
        Assert.All(chart.QuerySelectorAll("text"), t => Assert.True(double.Parse(t.GetAttribute("font-size")!, System.Globalization.CultureInfo.InvariantCulture) >= 11, t.OuterHtml));
        Assert.Equal(2, chart.QuerySelectorAll("line").Count(l => l.GetAttribute("stroke") == "#666")); // the two axes
    }

    [Fact]
    public async Task Packs_are_self_contained_with_inline_css_and_no_external_fetch()
    {
        var renderer = new PackRenderer(RepoPaths.Templates);
        foreach (var (template, scope) in new[] { ("portfolio-pack", ReportScope.Portfolio), ("delivery-lead", ReportScope.ForTeam("PAY")), ("untracked", ReportScope.Untracked) })
        {
            var doc = new HtmlParser().ParseDocument(renderer.RenderToString(template, await Model(scope)));

            Assert.Contains(".badge.red", doc.QuerySelector("head style")!.TextContent, StringComparison.Ordinal);
            Assert.Empty(doc.QuerySelectorAll("link, script, img, iframe, object"));
            Assert.DoesNotContain(doc.QuerySelectorAll("[src]"), _ => true);
        }
    }

    [Fact]
    public async Task A_template_that_does_not_parse_is_a_diagnostic_naming_the_file_line_and_column()
    {
        var renderer = PmoTemplate("broken", "<h1>{{ title }}</h1>\n<p>\n  {{ if summary.untracked > }}x{{ end }}\n</p>");

        var e = Assert.Throws<DiagnosticsException>(() => renderer.RenderToString("broken", Model(ReportScope.Portfolio).Result));

        var d = e.Diagnostics[0];
        Assert.Equal(temp.File("broken.sbn"), d.File);
        Assert.Equal(3, d.Line);
        Assert.True(d.Column > 1);
        Assert.Equal(ErrorKind.Usage, e.Kind);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_template_that_fails_while_rendering_names_the_file_line_and_column()
    {
        var renderer = PmoTemplate("runtime", "line one\n\n   {{ include 'no-such-partial' }}");

        var e = Assert.Throws<DiagnosticsException>(() => renderer.RenderToString("runtime", Model(ReportScope.Portfolio).Result));

        var d = e.Diagnostics[0];
        Assert.Equal((temp.File("runtime.sbn"), 3, 7), (d.File, d.Line, d.Column));
        Assert.Contains("no such template", d.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_runaway_loop_stops_at_the_loop_limit_with_a_diagnostic()
    {
        var renderer = PmoTemplate("loop", "{{ for i in 1..1000000 }}x{{ end }}");

        var e = Assert.Throws<DiagnosticsException>(() => renderer.RenderToString("loop", Model(ReportScope.Portfolio).Result));

        Assert.Contains("limit", e.Diagnostics[0].Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, e.Diagnostics[0].Line);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Runaway_recursion_stops_at_the_recursion_limit()
    {
        var renderer = PmoTemplate("recurse", "{{ func f(n)\n ret f(n + 1)\nend }}{{ f 1 }}");

        var e = Assert.Throws<DiagnosticsException>(() => renderer.RenderToString("recurse", Model(ReportScope.Portfolio).Result));

        Assert.Contains("recurs", e.Diagnostics[0].Message, StringComparison.OrdinalIgnoreCase);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Include_cannot_read_outside_the_templates_folder()
    {
        // A file beside (not inside) the templates folder.
        var outside = temp.Path + "-secret.txt";
        File.WriteAllText(outside, "secret");
        var renderer = PmoTemplate("escape", "{{ include '../" + Path.GetFileName(outside) + "' }}");

        var e = Assert.Throws<DiagnosticsException>(() => renderer.RenderToString("escape", Model(ReportScope.Portfolio).Result));

        File.Delete(outside);
        Assert.Contains("only templates inside the templates folder", e.Diagnostics[0].Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Templates_see_the_model_but_no_dotnet_members_beyond_it()
    {
        var renderer = PmoTemplate("reach", "[{{ summary.get_type }}][{{ period | string.size }}][{{ summary.to_string }}][{{ summary.in_scope }}]");

        var html = renderer.RenderToString("reach", await Model(ReportScope.Portfolio));

        Assert.Equal("[][7][][12]", html);
    }

    [Fact]
    public async Task Rendering_writes_the_html_file_at_the_given_path()
    {
        var model = await Model(ReportScope.ForTeam("PAY"));
        var path = temp.File(PackFileName.For("delivery-lead", "PAY", model.Period, "html"));

        await new PackRenderer(RepoPaths.Templates).RenderAsync("delivery-lead", model, path);

        Assert.EndsWith("delivery-lead-PAY-2026-11.html", path, StringComparison.Ordinal);
        Assert.Contains("Rotate tokenization keys", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_templates_validate_cleanly()
    {
        Assert.Empty(new PackRenderer(RepoPaths.Templates).Validate());
    }

    [Fact]
    public async Task An_empty_store_still_renders_every_pack_and_says_nothing_is_synced()
    {
        var builder = DemoPortfolio.Builder(new InMemoryStore());
        var renderer = new PackRenderer(RepoPaths.Templates);
        foreach (var (template, scope) in new[] { ("portfolio-pack", ReportScope.Portfolio), ("delivery-lead", ReportScope.ForTeam("PAY")), ("untracked", ReportScope.Untracked) })
        {
            var model = await builder.BuildAsync(new ReportRequest(DemoPortfolio.November, scope, DemoPortfolio.AsOf), CancellationToken.None);

            var doc = new HtmlParser().ParseDocument(renderer.RenderToString(template, model));

            Assert.Equal(0, model.Summary.InScope);
            Assert.Contains("never synced", doc.Body!.TextContent, StringComparison.Ordinal);
        }
    }
}
