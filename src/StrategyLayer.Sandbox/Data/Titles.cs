namespace StrategyLayer.Sandbox.Data;

/// <summary>Realistic title parts per label theme.</summary>
internal static class Titles
{
    private static readonly Dictionary<string, string[]> Objects = new()
    {
        ["pci"] = ["card number masking in receipts", "PAN storage in Card Vault", "PCI DSS 4.0 evidence collection", "cardholder data flow diagram", "quarterly ASV scan findings"],
        ["tokenization"] = ["token service for stored cards", "network tokenization with Visa VTS", "detokenization audit trail", "token lifecycle on card reissue"],
        ["sox"] = ["SOX access review export", "segregation of duties in payouts", "change approval evidence"],
        ["ux"] = ["checkout button contrast", "mobile form validation messages", "empty states in the portal"],
        ["selfservice"] = ["password reset self-service flow", "self-service address change", "account unlock without an agent"],
        ["chatbot"] = ["chatbot handover to a live agent", "chatbot intent for card freeze", "chatbot answers about fees"],
        ["knowledge"] = ["knowledge base article search", "top 20 FAQ articles", "article feedback widget"],
        ["migration"] = ["migrate billing service to EKS", "move CRM batch jobs to AWS", "decommission on-prem SFTP", "re-platform payments-api"],
        ["landing-zone"] = ["landing zone guardrails", "network hub VPC in the landing zone", "SCPs for sandbox accounts"],
        ["cost"] = ["rightsize RDS instances", "idle EBS volume cleanup", "reserved instance coverage report"],
        ["techdebt"] = ["upgrade Log4j dependencies", "remove the legacy cron host", "retire Python 2 scripts"],
        ["observability"] = ["OpenTelemetry traces for ingestion", "data freshness alerts", "Grafana dashboards for pipelines", "SLOs for batch jobs"],
    };

    private static readonly string[] StoryVerbs = ["Implement", "Design", "Roll out", "Pilot"];
    private static readonly string[] TaskVerbs = ["Configure", "Document", "Review", "Automate"];
    private static readonly string[] SubtaskVerbs = ["Write tests for", "Update the runbook for", "Peer review"];

    public static string ForIssue(int seed, int i, string type, string themeLabel, int version)
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
            var obj = DeterministicRandom.Pick(seed, i, 23, Objects.TryGetValue(themeLabel, out var o) ? o : Objects["techdebt"]);
            title = type switch
            {
                "Epic" => char.ToUpperInvariant(obj[0]) + obj[1..],
                "Story" => DeterministicRandom.Pick(seed, i, 24, StoryVerbs) + " " + obj,
                "Task" => DeterministicRandom.Pick(seed, i, 24, TaskVerbs) + " " + obj,
                "Sub-task" => DeterministicRandom.Pick(seed, i, 24, SubtaskVerbs) + " " + obj,
                _ => DeterministicRandom.Int(seed, i, 24, 2) == 0 ? "Fix: " + obj + " fails on retry" : char.ToUpperInvariant(obj[0]) + obj[1..] + " returns HTTP 500",
            };
        }

        return version == 0 ? title : title + " (rev " + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
    }
}
