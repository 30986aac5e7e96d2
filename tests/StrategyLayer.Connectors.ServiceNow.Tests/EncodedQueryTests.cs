using StrategyLayer.Connectors.ServiceNow.Tests.Support;
using Xunit;

namespace StrategyLayer.Connectors.ServiceNow.Tests;

public class EncodedQueryTests
{
    private static readonly string[] Instants = ["2026-11-20 10:00:00", "2026-11-20 10:00:01", "2026-11-20 10:00:02"];
    private static readonly string[] Ids = ["0a", "5f", "c3"];

    [Fact]
    public void The_keyset_condition_selects_exactly_the_rows_after_the_last_seen_one()
    {
        foreach (var t in Instants)
        {
            foreach (var id in Ids)
            {
                var query = new FakeQuery(EncodedQuery.After("sys_updated_on", t, "sys_id", id));
                foreach (var u in Instants)
                {
                    foreach (var rowId in Ids)
                    {
                        var expected = string.CompareOrdinal(u, t) > 0 || (u == t && string.CompareOrdinal(rowId, id) > 0);
                        var actual = query.Matches(f => f == "sys_updated_on" ? u : f == "sys_id" ? rowId : null);
                        Assert.True(expected == actual, $"after ({t}, {id}): row ({u}, {rowId}) expected {expected}");
                    }
                }
            }
        }
    }

    [Fact]
    public void The_naive_keyset_spelling_is_wrong_because_OR_binds_tighter_than_AND()
    {
        // updated>T ^OR updated=T ^ id>ID reads as (updated>T OR updated=T) AND id>ID: it drops a later row with a smaller id.
        var naive = new FakeQuery("sys_updated_on>2026-11-20 10:00:00^ORsys_updated_on=2026-11-20 10:00:00^sys_id>5f");
        Assert.False(naive.Matches(f => f == "sys_updated_on" ? "2026-11-20 10:00:01" : "0a"));
        var ours = new FakeQuery(EncodedQuery.After("sys_updated_on", "2026-11-20 10:00:00", "sys_id", "5f"));
        Assert.True(ours.Matches(f => f == "sys_updated_on" ? "2026-11-20 10:00:01" : "0a"));
    }

    [Fact]
    public void The_cursor_condition_is_added_to_every_NQ_branch_and_the_scope_ordering_is_replaced()
    {
        var query = EncodedQuery.Combine("active=true^ORpriority=1^NQstate=6^ORDERBYnumber", "sys_updated_on>=2026-11-20 10:00:00", "sys_updated_on", "sys_id");
        Assert.Equal(
            "active=true^ORpriority=1^sys_updated_on>=2026-11-20 10:00:00^NQstate=6^sys_updated_on>=2026-11-20 10:00:00^ORDERBYsys_updated_on^ORDERBYsys_id",
            query);
    }

    [Fact]
    public void A_branch_that_only_orders_does_not_widen_the_scope()
    {
        Assert.Equal("active=true^sys_id>a^ORDERBYsys_id", EncodedQuery.Combine("active=true^NQORDERBYnumber", "sys_id>a", "sys_id"));
    }

    [Fact]
    public void An_empty_scope_gives_the_condition_and_the_ordering_alone()
    {
        Assert.Equal("sys_id>abc^ORDERBYsys_id", EncodedQuery.Combine("", "sys_id>abc", "sys_id"));
        Assert.Equal("ORDERBYsys_id", EncodedQuery.Combine("  ", null, "sys_id"));
    }

    [Fact]
    public void The_field_extractor_reads_every_condition_ORDERBY_and_dot_walk()
    {
        var fields = EncodedQuery.Fields("active=true^ORassigned_toISNOTEMPTY^short_descriptionLIKEvpn^NQassignment_group.name=Service Desk^priorityIN1,2^ORDERBYDESCopened_at^EQ");
        Assert.Equal(["active", "assigned_to", "short_description", "assignment_group", "priority", "opened_at"], fields);
    }

    [Fact]
    public void Dates_are_written_in_UTC_as_the_Table_API_stores_them()
    {
        var lisbonSummer = new DateTimeOffset(2026, 7, 1, 13, 30, 5, TimeSpan.FromHours(1));
        Assert.Equal("2026-07-01 12:30:05", EncodedQuery.FormatDate(lisbonSummer));
    }
}
