using StrategyLayer.Architecture.Tests.Support;
using Xunit;

namespace StrategyLayer.Architecture.Tests;

public sealed class ProjectGraphTests
{
    [Fact]
    public void Every_project_in_src_and_connectors_references_exactly_what_ARCHITECTURE_md_states_and_nothing_it_forbids()
    {
        var document = ArchitectureDocument.Parse(Repository.ArchitectureDocument);
        var actual = Repository.ProductProjects().Select(ProjectReferences.Read).ToList();

        var problems = ReferenceCheck.Problems(actual, document);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_graph_is_read_from_every_product_project_including_the_composition_root()
    {
        var actual = Repository.ProductProjects().Select(ProjectReferences.Read).ToDictionary(p => p.Project);

        Assert.Contains("Connectors.Jira", actual.Keys);
        Assert.Contains("Store.PostgreSql", actual.Keys);
        Assert.Empty(actual["Domain"].Projects);
        Assert.Contains("Web", actual["Cli"].Projects);
        Assert.Equal(["LiteDB"], actual["Store.LiteDb"].Packages);
    }

    [Theory]
    [InlineData("Mapping", "package:LiteDB")]
    [InlineData("Cli", "package:LiteDB")]
    [InlineData("Scheduling", "package:Npgsql")]
    [InlineData("Store", "package:Newtonsoft.Json")]
    [InlineData("Connectors.Jira", "project:Store")]
    [InlineData("Connectors.ServiceNow", "project:Store.LiteDb")]
    [InlineData("Connectors", "project:Reporting")]
    [InlineData("Web", "project:Store.LiteDb")]
    [InlineData("Web", "project:Store.PostgreSql")]
    [InlineData("Reporting", "project:Cli")]
    [InlineData("Domain", "project:Store")]
    [InlineData("Sync", "package:Serilog.Sinks.File")]
    public void The_documents_rules_forbid_the_references_the_invariants_rule_out(string project, string reference)
    {
        var document = ArchitectureDocument.Parse(Repository.ArchitectureDocument);
        var kind = reference.Split(':')[0];
        var name = reference.Split(':')[1];
        var references = new ProjectReferences(
            project,
            kind == "project" ? new HashSet<string> { name } : [],
            kind == "package" ? new HashSet<string> { name } : []);

        var breaches = document.Rules.SelectMany(r => r.Breaches(references)).ToList();

        Assert.Contains(reference, breaches);
    }

    [Theory]
    [InlineData("Store.LiteDb", "package:LiteDB")]
    [InlineData("Store.PostgreSql", "package:Npgsql")]
    [InlineData("Cli", "project:Store.LiteDb")]
    [InlineData("Web", "project:Store")]
    public void The_documents_rules_leave_the_intended_references_alone(string project, string reference)
    {
        var document = ArchitectureDocument.Parse(Repository.ArchitectureDocument);
        var kind = reference.Split(':')[0];
        var name = reference.Split(':')[1];
        var references = new ProjectReferences(
            project,
            kind == "project" ? new HashSet<string> { name } : [],
            kind == "package" ? new HashSet<string> { name } : []);

        Assert.Empty(document.Rules.SelectMany(r => r.Breaches(references)));
    }
}
