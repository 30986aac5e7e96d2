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

    public static int Project(int seed, int i) => Det.Weighted(seed, Block(i), 1, Vocabulary.ProjectWeights);

    public static string IssueType(int seed, int i) =>
        IsEpic(i) ? "Epic"
        : IsSubtask(i) ? "Sub-task"
        : Det.Weighted(seed, i, 3, [60, 25, 15]) switch { 0 => "Story", 1 => "Task", _ => "Bug" };

    /// <summary>The epic of the block, when the issue (or its parent story) belongs to it; else -1.</summary>
    public static int Epic(int seed, int i)
    {
        if (IsEpic(i))
        {
            return -1;
        }

        var owner = IsSubtask(i) ? i - 1 : i;
        return Det.Unit(seed, owner, 2) < 0.8 ? owner - Position(owner) : -1;
    }

    /// <summary>Direct parent: the story for a sub-task, else the epic.</summary>
    public static int Parent(int seed, int i) => IsSubtask(i) ? i - 1 : Epic(seed, i);

    /// <summary>The block's theme: its epic's labels and components, per the demo vocabulary.</summary>
    public static (string[] Labels, string[] Components) Theme(int seed, int i)
    {
        var block = Block(i);
        var r = Det.Int(seed, block, 4, 100);
        return Project(seed, i) switch
        {
            Vocabulary.Pay => r < 40 ? (["pci"], ["Card Vault"]) : r < 70 ? (["tokenization", "pci"], ["Card Vault"]) : r < 85 ? (["sox"], ["Checkout"]) : (["ux"], ["Checkout"]),
            Vocabulary.Web => r < 30 ? (["selfservice"], ["Portal"]) : r < 50 ? (["chatbot"], ["Portal"]) : r < 70 ? (["knowledge"], ["Portal"]) : (["ux"], ["Portal"]),
            Vocabulary.Cloud => r < 45 ? (["migration", "aws"], ["Kubernetes"]) : r < 65 ? (["landing-zone"], ["Landing Zone"]) : r < 85 ? (["cost", "finops"], ["Billing"]) : (["techdebt"], ["Kubernetes"]),
            Vocabulary.Ops => r < 40 ? (["techdebt"], ["Monitoring"]) : r < 60 ? (["cost"], ["Billing"]) : r < 80 ? (["aws"], ["Kubernetes"]) : (["finops"], ["Billing"]),
            _ => r < 85 ? (["observability"], ["Monitoring"]) : r < 94 ? (["cost"], ["Billing"]) : (["techdebt"], ["Monitoring"]),
        };
    }

    public static bool IsPciTheme(int seed, int i) =>
        Project(seed, i) == Vocabulary.Pay && Theme(seed, i).Labels.Contains("pci");

    /// <summary>An OPS issue that some PAY work waits on: it stays open.</summary>
    public static bool IsBlockerCandidate(int seed, int i) =>
        Project(seed, i) == Vocabulary.Ops && !IsEpic(i) && !IsSubtask(i) && Det.Int(seed, i, 5, 7) == 3;

    public static bool WantsBlocker(int seed, int i) =>
        IsPciTheme(seed, i) && !IsEpic(i) && !IsSubtask(i) && (Position(i) == 2 || Position(i) == 7) && Det.Int(seed, i, 6, 2) == 0;
}
