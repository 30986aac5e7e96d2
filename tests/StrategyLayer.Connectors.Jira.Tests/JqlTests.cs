using Xunit;

namespace StrategyLayer.Connectors.Jira.Tests;

public class JqlTests
{
    [Theory]
    [InlineData("project in (PAY, WEB) ORDER BY updated", "project in (PAY, WEB)")]
    [InlineData("project = PAY order   by created DESC, key", "project = PAY")]
    [InlineData("summary ~ \"order by price\" ORDER BY rank", "summary ~ \"order by price\"")]
    [InlineData("summary ~ 'ORDER BY' AND project = PAY", "summary ~ 'ORDER BY' AND project = PAY")]
    [InlineData("reorder = yes and project = PAY", "reorder = yes and project = PAY")]
    [InlineData("ORDER BY created", "")]
    [InlineData("project = PAY", "project = PAY")]
    public void The_users_order_by_is_dropped_but_never_inside_quotes(string scope, string expected) =>
        Assert.Equal(expected, Jql.StripOrderBy(scope));

    [Fact]
    public void The_scope_is_parenthesised_so_an_or_in_it_cannot_escape_our_conditions() =>
        Assert.Equal(
            "(project = PAY OR project = WEB) AND updated >= \"2026-11-20 12:00\" ORDER BY updated ASC, key ASC",
            Jql.Build("project = PAY OR project = WEB ORDER BY created DESC", Jql.ChangeOrder, "updated >= \"2026-11-20 12:00\""));

    [Fact]
    public void Dates_are_written_in_the_profile_zone_and_floored_to_the_minute()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var instant = new DateTimeOffset(2026, 11, 20, 18, 45, 59, TimeSpan.Zero);
        Assert.Equal("updated >= \"2026-11-21 00:15\"", Jql.UpdatedSince(instant, zone));
    }
}
