using StrategyLayer.Architecture.Tests.Support;
using Xunit;

namespace StrategyLayer.Architecture.Tests;

public sealed class SourceRulesTests
{
    [Fact]
    public void No_product_source_reads_the_system_clock_logs_statically_or_blocks_on_a_task_outside_the_composition_root()
    {
        var document = ArchitectureDocument.Parse(Repository.ArchitectureDocument);

        var problems = SourceRules.Problems(Repository.ProductSources(), document.Exceptions);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_sources_searched_include_the_connectors_and_the_composition_root_is_left_out()
    {
        var paths = Repository.ProductSources().Select(s => s.Path).ToList();

        Assert.Contains("connectors/StrategyLayer.Connectors/Http/SourceHttp.cs", paths);
        Assert.Contains("src/StrategyLayer.Cli/Hosting/Invocation.cs", paths);
        Assert.True(SourceRules.IsCompositionRoot("src/StrategyLayer.Cli/Hosting/Invocation.cs"));
        Assert.False(SourceRules.IsCompositionRoot("src/StrategyLayer.Cli/Commands/RunCommand.cs"));
    }

    [Theory]
    [InlineData("var now = TimeProvider.System.GetUtcNow();", "TimeProvider.System")]
    [InlineData("    private readonly TimeProvider _time = TimeProvider.System;", "TimeProvider.System")]
    [InlineData("Log.Information(\"Mapped {Items}\", n);", "Log.")]
    [InlineData("_log = (log ?? Log.Logger).ForContext<X>();", "Log.")]
    [InlineData("private static readonly ILogger L = Serilog.Log.ForContext(typeof(X));", "Log.")]
    [InlineData("return schema.LoadAsync().GetAwaiter().GetResult();", "GetAwaiter().GetResult()")]
    public void Each_forbidden_pattern_is_found_outside_the_composition_root(string line, string pattern)
    {
        var problems = SourceRules.Problems([new SourceFile("src/StrategyLayer.Mapping/X.cs", "namespace X;\n" + line + "\n")], []);

        var problem = Assert.Single(problems);
        Assert.StartsWith($"src/StrategyLayer.Mapping/X.cs:2: {pattern} outside", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("session.Log.Warning(\"PDF not printed: {Reason}\", reason);")]
    [InlineData("_log.Information(\"Mapped {Items}\", n);")]
    [InlineData("log?.ForContext(typeof(MapRun)).Information(\"Mapped\");")]
    [InlineData("// the static Log.Logger is never configured, so TimeProvider.System is not used here")]
    [InlineData("var result = await task.ConfigureAwait(false);")]
    public void Injected_loggers_awaits_and_comments_are_not_reported(string line)
    {
        Assert.Empty(SourceRules.Problems([new SourceFile("src/StrategyLayer.Mapping/X.cs", line)], []));
    }

    [Fact]
    public void The_composition_root_may_read_the_system_clock()
    {
        Assert.Empty(SourceRules.Problems([new SourceFile("src/StrategyLayer.Cli/Hosting/Invocation.cs", "Time = TimeProvider.System;")], []));
    }

    [Fact]
    public void A_known_gap_allows_its_file_its_pattern_only_and_is_reported_once_the_file_is_fixed()
    {
        var gap = new AllowedException("src/StrategyLayer.Mapping/X.cs", "GetAwaiter().GetResult()", "why");
        var file = new SourceFile("src/StrategyLayer.Mapping/X.cs", "a.GetAwaiter().GetResult();\nvar t = TimeProvider.System;");

        Assert.Equal(["src/StrategyLayer.Mapping/X.cs:2: TimeProvider.System outside the composition root: var t = TimeProvider.System;"], SourceRules.Problems([file], [gap]));
        Assert.Equal(
            ["ARCHITECTURE.md known gaps allow src/StrategyLayer.Mapping/X.cs to hold `GetAwaiter().GetResult()`, but it no longer does (remove the line)"],
            SourceRules.Problems([file with { Text = "await a;" }], [gap]));
    }
}
