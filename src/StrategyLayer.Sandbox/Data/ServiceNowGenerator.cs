using System.Globalization;

namespace StrategyLayer.Sandbox.Data;

/// <summary>Builds ServiceNow rows from (seed, index, version) plus the index's live values.</summary>
internal static class ServiceNowGenerator
{
    private static readonly string[] PriorityLabels = ["1 - Critical", "2 - High", "3 - Moderate", "4 - Low", "5 - Planning"];
    private static readonly string[] ImpactLabels = ["1 - High", "2 - Medium", "3 - Low"];
    private static readonly (int Value, string Label)[] IncidentStates = [(1, "New"), (2, "In Progress"), (3, "On Hold"), (6, "Resolved"), (7, "Closed"), (8, "Canceled")];
    private static readonly (int Value, string Label)[] ChangeStates = [(-5, "New"), (-4, "Assess"), (-3, "Authorize"), (-2, "Scheduled"), (-1, "Implement"), (0, "Review"), (3, "Closed"), (4, "Canceled")];
    private static readonly (int Value, string Label)[] ProblemStates = [(101, "New"), (102, "Assess"), (103, "Root Cause Analysis"), (104, "Fix in Progress"), (106, "Resolved"), (107, "Closed")];
    private static readonly string[][] GroupCis = [["crm", "core-banking"], ["k8s-prod-eu", "core-banking"], ["data-lake", "core-banking"], ["k8s-prod-eu", "data-lake"], ["payments-api", "card-vault"]];

    public static string Date(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static SnRecord Generate(ItemIndex index, int i)
    {
        var seed = index.Seed;
        var kind = index.KindOf(i);
        var version = index.Version(i);
        var now = index.GeneratedNowSeconds;
        var created = Timeline.Created(seed, i, kind, now);
        var updated = index.Updated(i);
        var group = index.Group(i);
        var ci = DeterministicRandom.Pick(seed, i, 51, GroupCis[group]);
        var service = ci switch
        {
            "payments-api" or "card-vault" => "Online Payments",
            "core-banking" => "Mobile Banking",
            "crm" => "Customer Support",
            "data-lake" => "Data Platform",
            _ => DeterministicRandom.Int(seed, i, 52, 2) == 0 ? "Online Payments" : "Mobile Banking",
        };
        var (impact, urgency, priority) = Priority(seed, i);
        var (state, stateLabel, closedState, resolvedState) = State(seed, i, kind, group, version, created, now);
        var category = kind == ItemKind.Change ? ChangeCategory(seed, i, group) : DeterministicRandom.Pick(seed, i, 56, Vocabulary.IncidentCategories);
        var person = DeterministicRandom.Unit(seed, i, 57) < 0.85 ? Vocabulary.People[((group * 4) + DeterministicRandom.Int(seed, i, 58, 4)) % Vocabulary.People.Length] : null;
        var number = index.Key(i);
        var title = Title(seed, i, kind, category, ci, service, version);

        var fields = new List<SnField>(26)
        {
            SnField.Plain("sys_id", SysIds.Of(seed, i)),
            SnField.Plain("number", number),
            SnField.Plain("short_description", title),
            SnField.Plain("description", "Raised for " + service + " on " + ci + ". " + (DeterministicRandom.Int(seed, i, 59, 41) == 0 ? "Pasted log: <img src=x onerror=alert(1)>" : "See the work notes for the timeline.")),
            new("state", state.ToString(CultureInfo.InvariantCulture), stateLabel),
            new("priority", priority.ToString(CultureInfo.InvariantCulture), PriorityLabels[priority - 1]),
            new("impact", impact.ToString(CultureInfo.InvariantCulture), ImpactLabels[impact - 1]),
            new("urgency", urgency.ToString(CultureInfo.InvariantCulture), ImpactLabels[urgency - 1]),
            new("category", category, kind == ItemKind.Change ? category : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(category)),
            Reference(seed, "assignment_group", "sys_user_group", Vocabulary.Groups[group]),
            Reference(seed, "assigned_to", "sys_user", person),
            Reference(seed, "cmdb_ci", "cmdb_ci", ci),
            Reference(seed, "business_service", "cmdb_ci_service", service),
            SnField.Plain("opened_at", Date(created)),
            SnField.Plain("closed_at", closedState ? Date(updated) : ""),
            new("active", closedState || resolvedState ? "false" : "true", closedState || resolvedState ? "false" : "true"),
            SnField.Plain("close_code", closedState || resolvedState ? CloseCode(seed, i, kind) : ""),
            Parent(index, i, kind),
            SnField.Plain("sys_created_on", Date(created)),
            SnField.Plain("sys_updated_on", Date(updated)),
            SnField.Plain("sys_updated_by", person is null ? "system" : person.ToLowerInvariant().Replace(' ', '.')),
        };

        switch (kind)
        {
            case ItemKind.Incident:
                fields.Add(SnField.Plain("resolved_at", resolvedState || closedState ? Date(Math.Max(created, updated - (closedState ? 3 * 86_400 : 0))) : ""));
                fields.Add(Related(index, i, "problem_id", ItemKind.Problem, 0.1, 60));
                fields.Add(Related(index, i, "rfc", ItemKind.Change, 0.05, 61));
                break;
            case ItemKind.Change:
                // An open change is planned ahead: its window is still to come.
                var start = closedState || resolvedState
                    ? created + ((1 + DeterministicRandom.Int(seed, i, 62, 20)) * 86_400L)
                    : Math.Max(created, now) + ((1 + DeterministicRandom.Int(seed, i, 62, 20)) * 86_400L);
                fields.Add(SnField.Plain("type", DeterministicRandom.Pick(seed, i, 63, ["normal", "standard", "emergency"])));
                fields.Add(SnField.Plain("start_date", Date(start)));
                fields.Add(SnField.Plain("end_date", Date(start + ((1 + DeterministicRandom.Int(seed, i, 64, 8)) * 3600L))));
                break;
            default:
                fields.Add(SnField.Plain("resolved_at", resolvedState || closedState ? Date(updated) : ""));
                break;
        }

        return new SnRecord(fields);
    }

    private static SnField Reference(int seed, string name, string table, string? display) =>
        display is null ? new(name, "", "", table) : new(name, SysIds.Named(seed, table, display), display, table);

    // A few incidents are children of an earlier (major) incident of the same table.
    private static SnField Parent(ItemIndex index, int i, ItemKind kind)
    {
        var start = index.TableStart(kind);
        if (kind != ItemKind.Incident || i - start < 10 || DeterministicRandom.Unit(index.Seed, i, 67) >= 0.03)
        {
            return new("parent", "", "", "task");
        }

        var parent = i - 1 - DeterministicRandom.Int(index.Seed, i, 68, 9);
        return index.IsDeleted(parent) ? new("parent", "", "", "task") : new("parent", SysIds.Of(index.Seed, parent), index.Key(parent), "task");
    }

    private static SnField Related(ItemIndex index, int i, string name, ItemKind kind, double share, int salt)
    {
        var count = index.TableCount(kind);
        if (count == 0 || DeterministicRandom.Unit(index.Seed, i, salt) >= share)
        {
            return new(name, "", "", ServiceNowLayout.Table(kind));
        }

        var target = index.TableStart(kind) + DeterministicRandom.Int(index.Seed, i, salt + 100, count);
        return index.IsDeleted(target)
            ? new(name, "", "", ServiceNowLayout.Table(kind))
            : new(name, SysIds.Of(index.Seed, target), index.Key(target), ServiceNowLayout.Table(kind));
    }

    /// <summary>Whether the record as first generated (version 0) is still open.</summary>
    public static bool IsOpen(int seed, int i, ItemKind kind, int group, long created, long now)
    {
        var (_, _, closed, resolved) = State(seed, i, kind, group, 0, created, now);
        return !closed && !resolved;
    }

    private static (int Impact, int Urgency, int Priority) Priority(int seed, int i)
    {
        var impact = 1 + DeterministicRandom.Weighted(seed, i, 53, [20, 40, 40]);
        var urgency = 1 + DeterministicRandom.Weighted(seed, i, 54, [20, 40, 40]);
        return (impact, urgency, Math.Clamp(impact + urgency - 1, 1, 5));
    }

    // Only Cloud Ops raises cost-optimisation changes; Payments Support's are mostly security
    // remediation on the card systems (the PCI findings).
    private static string ChangeCategory(int seed, int i, int group) => group switch
    {
        Vocabulary.CloudOps => Vocabulary.ChangeCategories[DeterministicRandom.Weighted(seed, i, 55, [50, 10, 25, 15])],
        Vocabulary.PaymentsSupport => Vocabulary.ChangeCategories[DeterministicRandom.Weighted(seed, i, 55, [0, 55, 15, 30])],
        _ => Vocabulary.ChangeCategories[DeterministicRandom.Weighted(seed, i, 55, [0, 10, 45, 45])],
    };

    private static (int State, string Label, bool Closed, bool Resolved) State(int seed, int i, ItemKind kind, int group, int version, long created, long now)
    {
        var age = Timeline.AgeDays(created, now);
        var states = kind switch { ItemKind.Incident => IncidentStates, ItemKind.Change => ChangeStates, _ => ProblemStates };

        // The Service Desk has been swamped for the last month: most of its recent P1/P2
        // incidents are still open (the demo's red measure).
        var backlog = kind == ItemKind.Incident && group == Vocabulary.ServiceDesk && age <= 30 && Priority(seed, i).Priority <= 2;
        int[] weights = backlog && version == 0 ? [25, 45, 15, 10, 3, 2] : (kind, version > 0, age > 60, age > 14) switch
        {
            (ItemKind.Incident, true, _, _) => [10, 35, 10, 30, 10, 5],
            (ItemKind.Incident, _, true, _) => [3, 4, 3, 15, 70, 5],
            (ItemKind.Incident, _, _, true) => [10, 25, 10, 25, 25, 5],
            (ItemKind.Incident, _, _, _) => [30, 40, 10, 15, 3, 2],
            (ItemKind.Change, true, _, _) => [5, 10, 10, 15, 20, 15, 20, 5],
            (ItemKind.Change, _, true, _) => [2, 2, 2, 2, 2, 5, 80, 5],
            (ItemKind.Change, _, _, _) => [15, 15, 15, 15, 10, 10, 15, 5],
            (_, true, _, _) => [10, 15, 20, 25, 20, 10],
            (_, _, true, _) => [5, 5, 10, 15, 25, 40],
            _ => [25, 25, 20, 15, 10, 5],
        };
        var (value, label) = states[DeterministicRandom.Weighted(seed, i + (version * 7919L), 65, weights)];
        var closed = value is 7 or 8 or 3 or 4 or 107 && !(kind == ItemKind.Incident && value == 3);
        var resolved = value is 6 or 106;
        return (value, label, closed, resolved);
    }

    private static string CloseCode(int seed, int i, ItemKind kind) => kind switch
    {
        ItemKind.Incident => DeterministicRandom.Pick(seed, i, 66, ["Solved (Permanently)", "Solved (Work Around)", "Closed/Resolved by Caller"]),
        ItemKind.Change => DeterministicRandom.Pick(seed, i, 66, ["successful", "successful_issues", "unsuccessful"]),
        _ => DeterministicRandom.Pick(seed, i, 66, ["Fix Applied", "Risk Accepted", "Duplicate"]),
    };

    private static string Title(int seed, int i, ItemKind kind, string category, string ci, string service, int version)
    {
        string title;
        if (DeterministicRandom.Int(seed, i, 20, 97) == 0)
        {
            title = DeterministicRandom.Pick(seed, i, 22, Vocabulary.UnicodeTitles);
        }
        else if (DeterministicRandom.Int(seed, i, 21, 131) == 0)
        {
            title = DeterministicRandom.Pick(seed, i, 22, Vocabulary.HostileTitles);
        }
        else
        {
            string[] options = kind switch
            {
                ItemKind.Incident => [ci + " latency above threshold", "Users cannot log in to " + service, ci + " returns HTTP 500", "Disk full on " + ci, "Password reset request", "VPN drops for remote staff", "Slow queries on " + ci],
                ItemKind.Change => category switch
                {
                    "Cost optimisation" => ["Rightsize " + ci + " nodes", "Schedule shutdown of non-prod " + ci, "Move " + ci + " storage to the infrequent access tier"],
                    "Security" => ["Rotate TLS certificates on " + ci, "Patch OpenSSL on " + ci],
                    "Infrastructure" => ["Upgrade " + ci + " to Kubernetes 1.31", "Add capacity to " + ci],
                    _ => ["Deploy the monthly release of " + ci, "Enable feature flag on " + ci],
                },
                _ => ["Recurring " + ci + " timeouts", "Root cause of " + service + " outages", "Memory leak in " + ci, "Replication lag on " + ci],
            };
            title = DeterministicRandom.Pick(seed, i, 23, options);
        }

        return version == 0 ? title : title + " (rev " + version.ToString(CultureInfo.InvariantCulture) + ")";
    }
}
