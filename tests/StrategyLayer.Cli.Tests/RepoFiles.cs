namespace StrategyLayer.Cli.Tests;

/// <summary>The repository's files the tests read (never write): the demo's strategy, rules and templates.</summary>
public static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Config => Path.Combine(Root, "config");

    public static string Templates => Path.Combine(Root, "templates");

    /// <summary>
    /// A config in <paramref name="folder"/> reading the demo's strategy, rules and templates, with
    /// the given sources JSON and the store and logs inside the folder.
    /// </summary>
    public static string WriteConfig(string folder, string sourcesJson, string extra = "")
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "strategylayer.json");
        File.WriteAllText(path, $$"""
            {
              "store": "store.db",
              "logs": "logs",
              "timeZone": "Europe/Lisbon",
              "strategy": {{Json(Path.Combine(Config, "strategy.json"))}},
              "rules": {{Json(Path.Combine(Config, "rules.json"))}},
              "templates": {{Json(Templates)}},
              "sources": {{sourcesJson}}{{extra}}
            }
            """);
        return path;
    }

    /// <summary>The sandbox's three APIs as sources.</summary>
    public static string SandboxSources(Sandbox.SandboxHandle sandbox) => $$"""
        [
          { "name": "jira", "type": "jira-cloud", "baseUrl": "{{sandbox.JiraCloudUrl}}",
            "scope": "project in (PAY, WEB, CLOUD, OPS, DATA) ORDER BY updated" },
          { "name": "servicenow", "type": "servicenow", "baseUrl": "{{sandbox.ServiceNowUrl}}",
            "tables": ["incident", "change_request", "problem"] }
        ]
        """;

    public static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StrategyLayer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("the repository root is not above the test folder");
    }
}
