using StrategyLayer.Connectors.ServiceNow.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace StrategyLayer.Connectors.ServiceNow.Tests;

public class ValidationTests : ServiceNowServerTests
{
    public ValidationTests(ServiceNowServer sn)
        : base(sn)
    {
        var id = 0;
        void Column(string table, string element) =>
            Sn.Instance.Add("sys_dictionary", new FakeRow().Set("sys_id", $"d{id++:000}").Set("name", table).Set("element", element));
        Column("task", "");
        foreach (var e in new[] { "active", "number", "state", "priority", "assignment_group", "assigned_to", "short_description", "sys_id", "sys_updated_on", "opened_at" })
        {
            Column("task", e);
        }

        Column("incident", "caller_id");
        Column("incident", "category");
        Column("problem", "known_error");
        Column("sys_user", "user_name");
    }

    [Fact]
    public async Task A_scope_field_that_is_no_column_is_named_and_known_ones_pass()
    {
        var scope = "active=true^assigment_group.name=Service Desk^ORcaller_idISNOTEMPTY^ORDERBYnumbr";
        await using var source = ServiceNowServer.Source(Sn.Settings(pageSize: 4, scope: scope, tables: ["incident"]));

        var problems = await source.ValidateOnlineAsync(CancellationToken.None);

        Assert.Equal(2, problems.Count);
        Assert.Contains("'assigment_group'", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("'numbr'", problems[1].Message, StringComparison.Ordinal);
        Assert.All(problems, p => Assert.Equal("sources.servicenow.scope", p.Path));
        Assert.All(problems, p => Assert.StartsWith("servicenow:", p.Message, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.Contains("'incident'", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Columns_are_checked_per_table_including_those_inherited_from_task()
    {
        var settings = Sn.Settings(scope: "caller_idISNOTEMPTY^ORknown_error=true", tables: ["incident", "problem"]) with
        {
            Fields = new Dictionary<string, string> { ["caller"] = "caller_id" },
        };
        await using var source = ServiceNowServer.Source(settings);

        var problems = await source.ValidateOnlineAsync(CancellationToken.None);

        Assert.Equal(
            [
                "sources.servicenow.scope: servicenow: the scope names field 'known_error', which table 'incident' does not have; ServiceNow would ignore that condition and return the rest",
                "sources.servicenow.scope: servicenow: the scope names field 'caller_id', which table 'problem' does not have; ServiceNow would ignore that condition and return the rest",
                "sources.servicenow.fields.caller: servicenow: field 'caller_id' is not a column of table 'problem'",
            ],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task A_valid_scope_gives_no_problems()
    {
        await using var source = ServiceNowServer.Source(Sn.Settings(scope: "active=true^priority<=2^NQstate=6", tables: ["incident", "problem"]));

        Assert.Empty(await source.ValidateOnlineAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_table_with_no_columns_is_reported_instead_of_every_field()
    {
        Sn.Instance.Add("u_missing", new FakeRow().Set("sys_id", "x"));
        await using var source = ServiceNowServer.Source(Sn.Settings(scope: "active=true", tables: ["u_typo"]));

        var problem = Assert.Single(await source.ValidateOnlineAsync(CancellationToken.None));

        Assert.Contains("'u_typo'", problem.Message, StringComparison.Ordinal);
        Assert.Equal("sources.servicenow.tables", problem.Path);
    }

    [Fact]
    public async Task Without_access_to_sys_dictionary_the_fields_are_checked_on_a_record_instead()
    {
        Sn.Server.Given(Request.Create().WithPath("/api/now/table/sys_dictionary").UsingGet())
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(403).WithBody("""{"error":{"message":"Operation Failed","detail":"ACL Exception Read Failed"},"status":"failure"}"""));
        Sn.Instance.Add("incident", FakeRow.Task("a1", "INC0000001", "2026-11-18 09:00:00"));
        await using var source = ServiceNowServer.Source(Sn.Settings(scope: "active=true^assigment_group=x^ORDERBYnumber", tables: ["incident", "problem"]));

        var problems = await source.ValidateOnlineAsync(CancellationToken.None);

        Assert.Equal(2, problems.Count);
        Assert.Contains("field 'assigment_group', which table 'incident'", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("cannot read table 'problem'", problems[1].Message, StringComparison.Ordinal);
        var probe = Sn.Server.LogEntries.Single(l => l.RequestMessage.Path == "/api/now/table/incident").RequestMessage.Query!;
        Assert.Equal("1", probe["sysparm_limit"].Single());
    }
}
