using StrategyLayer.Architecture.Tests.Support;
using Xunit;

namespace StrategyLayer.Architecture.Tests;

/// <summary>The checker over a small made-up document and graph, so each way it fails is seen failing.</summary>
public sealed class ReferenceCheckTests
{
    private const string Document = """
        <!-- graph:begin -->
        | Project | Project references | Package references |
        |---|---|---|
        | Domain | — | — |
        | Store | Domain | — |
        | Store.LiteDb | Store | LiteDB |
        | Web | Domain, Store | Serilog |
        <!-- graph:end -->

        <!-- forbidden:begin -->
        | Projects | Must not reference | Why |
        |---|---|---|
        | * except Store.LiteDb | package:LiteDB | one writer |
        | Web | project:Store.* | the web view is given an engine |
        <!-- forbidden:end -->

        <!-- allowed-exceptions:begin -->
        <!-- allowed-exceptions:end -->
        """;

    private static ProjectReferences Project(string name, string[] projects, string[] packages) =>
        new(name, projects.ToHashSet(), packages.ToHashSet());

    private static List<ProjectReferences> Graph(ProjectReferences? web = null) =>
    [
        Project("Domain", [], []),
        Project("Store", ["Domain"], []),
        Project("Store.LiteDb", ["Store"], ["LiteDB"]),
        web ?? Project("Web", ["Domain", "Store"], ["Serilog"]),
    ];

    [Fact]
    public void A_graph_that_matches_the_table_has_no_problem()
    {
        Assert.Empty(ReferenceCheck.Problems(Graph(), ArchitectureDocument.Parse(Document)));
    }

    [Fact]
    public void A_project_that_gains_a_reference_the_table_does_not_state_fails()
    {
        var problems = ReferenceCheck.Problems(Graph(Project("Web", ["Domain", "Store"], ["Serilog", "Polly.Core"])), ArchitectureDocument.Parse(Document));

        Assert.Equal(["Web references package Polly.Core, which ARCHITECTURE.md's graph table does not allow"], problems);
    }

    [Fact]
    public void A_web_view_that_references_a_store_engine_breaks_a_rule_as_well_as_the_table()
    {
        var problems = ReferenceCheck.Problems(Graph(Project("Web", ["Domain", "Store", "Store.LiteDb"], ["Serilog"])), ArchitectureDocument.Parse(Document));

        Assert.Contains("Web references project Store.LiteDb, which ARCHITECTURE.md's graph table does not allow", problems);
        Assert.Contains("Web references project:Store.LiteDb, which is never allowed: the web view is given an engine", problems);
    }

    [Fact]
    public void A_table_loosened_to_allow_a_forbidden_reference_still_fails()
    {
        var loosened = Document.Replace("| Web | Domain, Store | Serilog |", "| Web | Domain, Store | Serilog, LiteDB |", StringComparison.Ordinal);

        var problems = ReferenceCheck.Problems(Graph(Project("Web", ["Domain", "Store"], ["Serilog", "LiteDB"])), ArchitectureDocument.Parse(loosened));

        Assert.Equal(
            [
                "Web references package:LiteDB, which is never allowed: one writer",
                "ARCHITECTURE.md's graph table lets Web reference package:LiteDB, which its never-allowed table forbids: one writer",
            ],
            problems);
    }

    [Fact]
    public void A_reference_the_table_states_but_the_project_dropped_is_reported_so_the_document_stays_true()
    {
        var problems = ReferenceCheck.Problems(Graph(Project("Web", ["Domain"], ["Serilog"])), ArchitectureDocument.Parse(Document));

        Assert.Equal(["Web: ARCHITECTURE.md's graph table says it references project Store, but it does not (update the table)"], problems);
    }

    [Fact]
    public void A_project_missing_from_the_table_and_a_row_without_a_project_are_both_reported()
    {
        var graph = Graph();
        graph.RemoveAt(0);
        graph.Add(Project("Sync", ["Domain"], []));

        var problems = ReferenceCheck.Problems(graph, ArchitectureDocument.Parse(Document));

        Assert.Equal(
            [
                "Sync: not in ARCHITECTURE.md's graph table (add its row)",
                "Domain: in ARCHITECTURE.md's graph table but there is no such project (remove its row)",
            ],
            problems);
    }

    [Fact]
    public void A_document_without_its_graph_section_is_refused_with_the_section_named()
    {
        var error = Assert.Throws<FormatException>(() => ArchitectureDocument.Parse(Document.Replace("<!-- graph:begin -->", "", StringComparison.Ordinal)));

        Assert.Contains("'graph'", error.Message, StringComparison.Ordinal);
    }
}
