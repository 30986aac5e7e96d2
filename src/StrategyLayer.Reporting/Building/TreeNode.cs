using StrategyLayer.Domain.Strategy;

namespace StrategyLayer.Reporting.Building;

/// <summary>The strategy tree below a portfolio with one shape at every level, for the roll-up.</summary>
internal sealed record TreeNode(string Level, StrategyNode Node, IReadOnlyList<TreeNode> Children)
{
    public static TreeNode Of(Portfolio portfolio) =>
        new("portfolio", portfolio, [.. portfolio.Programs.Select(program =>
            new TreeNode("program", program, [.. program.Projects.Select(project =>
                new TreeNode("project", project, [.. project.MeasurePackages.Select(package =>
                    new TreeNode("package", package, [.. package.Measures.Select(measure =>
                        new TreeNode("measure", measure, []))]))]))]))]);
}
