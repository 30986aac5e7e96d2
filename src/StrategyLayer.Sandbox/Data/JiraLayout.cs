namespace StrategyLayer.Sandbox.Data;

/// <summary>
/// Where a Jira issue sits in the generated portfolio, from its index alone: issues come in
/// blocks of 16 (an epic, its stories, tasks and bugs, and sub-tasks under the story before),
/// so parents and epics are found by arithmetic instead of being stored.
/// </summary>
internal static class JiraLayout
{
    public const int BlockSize = 16;

    public static int Block(int i) => i / BlockSize;

    public static int Position(int i) => i % BlockSize;

    public static bool IsEpic(int i) => Position(i) == 0;

    public static bool IsSubtask(int i) => Position(i) % 5 == 0 && Position(i) != 0;

    public static int Project(int seed, int i) => DeterministicRandom.Weighted(seed, Block(i), 1, Vocabulary.ProjectWeights);

    public static string IssueType(int seed, int i) =>
        IsEpic(i) ? "Epic"
        : IsSubtask(i) ? "Sub-task"
        : DeterministicRandom.Weighted(seed, i, 3, [60, 25, 15]) switch { 0 => "Story", 1 => "Task", _ => "Bug" };

    /// <summary>The epic of the block, when the issue (or its parent story) belongs to it; else -1.</summary>
    public static int Epic(int seed, int i)
    {
        if (IsEpic(i))
        {
            return -1;
        }

        var owner = IsSubtask(i) ? i - 1 : i;
        return DeterministicRandom.Unit(seed, owner, 2) < 0.9 ? owner - Position(owner) : -1;
    }

    /// <summary>Direct parent: the story for a sub-task, else the epic.</summary>
    public static int Parent(int seed, int i) => IsSubtask(i) ? i - 1 : Epic(seed, i);

    /// <summary>The block's theme: its epic's labels and components, per the demo vocabulary.</summary>
    public static (string[] Labels, string[] Components) Theme(int seed, int i)
    {
        var block = Block(i);
        var r = DeterministicRandom.Int(seed, block, 4, 100);
        return Project(seed, i) switch
        {
            // Weighted so that most work serves a measure of the demo strategy: the untracked share
            // comes mainly from DATA observability (one cluster a suggestion catches) and OPS techdebt.
            Vocabulary.Pay => r < 48 ? (["pci"], ["Card Vault"]) : r < 86 ? (["tokenization", "pci"], ["Card Vault"]) : r < 95 ? (["sox"], ["Checkout"]) : (["ux"], ["Checkout"]),
            Vocabulary.Web => r < 35 ? (["selfservice"], ["Portal"]) : r < 62 ? (["chatbot"], ["Portal"]) : r < 98 ? (["knowledge"], ["Portal"]) : (["ux"], ["Portal"]),
            Vocabulary.Cloud => r < 45 ? (["migration", "aws"], ["Kubernetes"]) : r < 70 ? (["landing-zone"], ["Landing Zone"]) : r < 95 ? (["cost", "finops"], ["Billing"]) : (["techdebt"], ["Kubernetes"]),
            Vocabulary.Ops => r < 25 ? (["techdebt"], ["Monitoring"]) : r < 65 ? (["cost"], ["Billing"]) : r < 70 ? (["aws"], ["Kubernetes"]) : (["finops"], ["Billing"]),
            _ => r < 70 ? (["observability"], ["Monitoring"]) : r < 92 ? (["cost"], ["Billing"]) : (["techdebt"], ["Monitoring"]),
        };
    }

    public static bool IsPciTheme(int seed, int i) =>
        Project(seed, i) == Vocabulary.Pay && Theme(seed, i).Labels.Contains("pci");

    /// <summary>An OPS issue that some PAY work waits on: it stays open.</summary>
    public static bool IsBlockerCandidate(int seed, int i) =>
        Project(seed, i) == Vocabulary.Ops && !IsEpic(i) && !IsSubtask(i) && DeterministicRandom.Int(seed, i, 5, 7) == 3;

    public static bool WantsBlocker(int seed, int i) =>
        IsPciTheme(seed, i) && !IsEpic(i) && !IsSubtask(i) && (Position(i) == 2 || Position(i) == 7) && DeterministicRandom.Int(seed, i, 6, 2) == 0;
}
