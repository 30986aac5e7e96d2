namespace StrategyLayer.Reporting.Tests.Support;

internal static class RepoPaths
{
    /// <summary>The repository's templates folder (read only; tests never write into the repo).</summary>
    public static string Templates => Path.Combine(Root, "templates");

    /// <summary>This test project's source folder (golden files live here).</summary>
    public static string TestProject => Path.Combine(Root, "tests", "StrategyLayer.Reporting.Tests");

    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StrategyLayer.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("StrategyLayer.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
