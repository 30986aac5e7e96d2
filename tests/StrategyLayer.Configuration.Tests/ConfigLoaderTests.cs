using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Settings;
using Xunit;

namespace StrategyLayer.Configuration.Tests;

public sealed class ConfigLoaderTests : IDisposable
{
    private readonly TempFolder _dir = new();

    private const string Valid = """
        // a comment
        {
          "store": "data/x.db",
          "timeZone": "Europe/Lisbon",
          "strategy": "strategy.json",
          "rules": "rules.json",
          "templates": "templates",
          "sources": [
            { "name": "jira", "type": "jira-cloud", "baseUrl": "https://example.atlassian.net/prefix",
              "scope": "project = PAY ORDER BY updated",
              "auth": { "kind": "basic", "userEnv": "T_JIRA_USER", "tokenEnv": "T_JIRA_TOKEN" } },
            { "name": "sn", "type": "servicenow", "baseUrl": "http://127.0.0.1:9/servicenow",
              "auth": { "kind": "oauth", "grant": "client_credentials", "clientIdEnv": "T_SN_ID", "clientSecretEnv": "T_SN_SECRET" } }
          ],
          "audiences": [ { "name": "exec", "template": "portfolio-pack", "channels": ["share"] } ],
          "channels": [ { "name": "share", "type": "folder", "path": "out/share" } ],
          "schedules": [ { "job": "sync", "cron": "0 0/5 * * * ?", "source": "jira" } ]
        }
        """;

    private static string? Env(string name) => name switch
    {
        "T_JIRA_USER" => "pmo@example.com",
        "T_JIRA_TOKEN" => "tok-123456",
        "T_SN_ID" => "client",
        "T_SN_SECRET" => "s3cr3t-value",
        "T_HOST" => "smtp.example.com",
        _ => null,
    };

    public ConfigLoaderTests() => _dir.Write("templates/portfolio-pack.sbn", "{{ title }}");

    [Fact]
    public async Task A_valid_config_loads_with_paths_relative_to_its_folder_and_secrets_from_the_environment()
    {
        var path = _dir.Write("cfg/strategylayer.json", Valid);
        _dir.Write("cfg/templates/portfolio-pack.sbn", "x");

        var config = await ConfigLoader.LoadAsync(path, Env, CancellationToken.None);

        Assert.Equal(Path.Combine(_dir.Path, "cfg", "data", "x.db"), config.Store);
        Assert.Equal("Europe/Lisbon", config.TimeZone.Id);
        var jira = config.Sources[0];
        Assert.Equal(AuthKind.Basic, jira.Auth.Kind);
        Assert.Equal("tok-123456", jira.Auth.Secret);
        Assert.Equal("/prefix", jira.BaseUrl.AbsolutePath);
        // No tables in the file: the ServiceNow connector supplies its defaults, not the config loader.
        Assert.Empty(config.Sources[1].Tables);
        Assert.Null(config.Sources[1].PageSize);
        Assert.Equal("s3cr3t-value", config.Sources[1].Auth.ClientSecret);
        Assert.Equal(Path.Combine(_dir.Path, "cfg", "out", "share"), config.Channels[0].Path);
        Assert.DoesNotContain("tok-123456", jira.Auth.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_postgresql_store_is_kept_as_a_uri_with_its_password_from_the_environment_and_pgpassword_from_the_secrets_file()
    {
        _dir.Write("pg/secrets.env", "PGPASSWORD=from-the-secrets-file\n");
        _dir.Write("pg/templates/portfolio-pack.sbn", "x");
        var path = _dir.Write("pg/strategylayer.json", Valid
            .Replace("\"store\": \"data/x.db\",", "\"store\": \"postgresql://pmo:${env:T_SN_SECRET}@db.example.com:5432/strategy?sslmode=require\", \"secretsFile\": \"secrets.env\",", StringComparison.Ordinal));

        var config = await ConfigLoader.LoadAsync(path, Env, CancellationToken.None);

        Assert.Equal("postgresql://pmo:s3cr3t-value@db.example.com:5432/strategy?sslmode=require", config.Store);
        Assert.Equal("from-the-secrets-file", config.StorePassword);
    }

    [Fact]
    public async Task Every_problem_is_reported_with_its_line_and_json_path()
    {
        var broken = """
            {
              "store": "x.db",
              "strategy": "s.json",
              "rules": "r.json",
              "templates": "../templates",
              "colour": "blue",
              "sources": [
                { "name": "jira", "type": "jira-cloudy", "baseUrl": "https://x" },
                { "name": "sn", "type": "servicenow", "baseUrl": "https://y", "pageSize": "many" }
              ]
            }
            """;
        var path = _dir.Write("broken/strategylayer.json", broken);

        var ex = await Assert.ThrowsAsync<DiagnosticsException>(() => ConfigLoader.LoadAsync(path, Env, CancellationToken.None));

        var unknown = Assert.Single(ex.Diagnostics, d => d.Message.Contains("unknown key 'colour'", StringComparison.Ordinal));
        Assert.Equal(6, unknown.Line);
        Assert.Equal("$.colour", unknown.Path);
        var type = Assert.Single(ex.Diagnostics, d => d.Path == "$.sources[0].type");
        Assert.Equal(8, type.Line);
        Assert.Contains("jira-cloud", type.Message, StringComparison.Ordinal);
        var size = Assert.Single(ex.Diagnostics, d => d.Path == "$.sources[1].pageSize");
        Assert.Equal(9, size.Line);
        Assert.All(ex.Diagnostics, d => Assert.Equal(path, d.File));
    }

    [Fact]
    public async Task An_unset_environment_variable_is_named_with_where_it_is_used()
    {
        var path = _dir.Write("env/strategylayer.json", Valid.Replace("T_JIRA_TOKEN", "T_MISSING_TOKEN", StringComparison.Ordinal));
        _dir.Write("env/templates/portfolio-pack.sbn", "x");

        var ex = await Assert.ThrowsAsync<DiagnosticsException>(() => ConfigLoader.LoadAsync(path, Env, CancellationToken.None));

        var d = Assert.Single(ex.Diagnostics);
        Assert.Contains("T_MISSING_TOKEN is not set", d.Message, StringComparison.Ordinal);
        Assert.Equal("$.sources[0].auth.tokenEnv", d.Path);
        Assert.Equal(11, d.Line);
    }

    [Fact]
    public async Task An_env_reference_inside_a_string_is_resolved_and_an_unset_one_is_an_error()
    {
        var text = Valid.Replace("\"path\": \"out/share\"", "\"path\": \"${env:T_NOPE}/share\"", StringComparison.Ordinal)
            .Replace("\"example.atlassian.net", "\"${env:T_HOST}", StringComparison.Ordinal);
        var path = _dir.Write("ref/strategylayer.json", text);
        _dir.Write("ref/templates/portfolio-pack.sbn", "x");

        var ex = await Assert.ThrowsAsync<DiagnosticsException>(() => ConfigLoader.LoadAsync(path, Env, CancellationToken.None));

        var d = Assert.Single(ex.Diagnostics);
        Assert.Contains("T_NOPE", d.Message, StringComparison.Ordinal);
        Assert.Equal("$.channels[0].path", d.Path);
    }

    [Fact]
    public async Task Dangling_references_to_channels_templates_sources_and_audiences_are_reported()
    {
        var text = Valid.Replace("\"channels\": [\"share\"]", "\"channels\": [\"share\", \"pager\"]", StringComparison.Ordinal)
            .Replace("\"template\": \"portfolio-pack\"", "\"template\": \"no-such-pack\"", StringComparison.Ordinal)
            .Replace("\"source\": \"jira\"", "\"source\": \"jora\"", StringComparison.Ordinal);
        var path = _dir.Write("dangling/strategylayer.json", text);

        var ex = await Assert.ThrowsAsync<DiagnosticsException>(() => ConfigLoader.LoadAsync(path, Env, CancellationToken.None));

        Assert.Contains(ex.Diagnostics, d => d.Message.Contains("channel 'pager'", StringComparison.Ordinal) && d.Path == "$.audiences[0].channels[1]");
        Assert.Contains(ex.Diagnostics, d => d.Message.Contains("template 'no-such-pack' not found", StringComparison.Ordinal));
        Assert.Contains(ex.Diagnostics, d => d.Message.Contains("source 'jora'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_schema_error_does_not_hide_an_unset_variable_or_a_bad_reference_in_the_same_file()
    {
        var text = Valid.Replace("\"timeZone\": \"Europe/Lisbon\",", "\"timeZone\": \"Europe/Lisbon\", \"colour\": \"blue\",", StringComparison.Ordinal)
            .Replace("T_JIRA_TOKEN", "T_MISSING_TOKEN", StringComparison.Ordinal)
            .Replace("\"path\": \"out/share\"", "\"path\": \"${env:T_NOPE}/share\"", StringComparison.Ordinal)
            .Replace("\"source\": \"jira\"", "\"source\": \"jora\"", StringComparison.Ordinal)
            .Replace("\"scope\": \"project = PAY ORDER BY updated\",", "\"scope\": \"project = PAY\", \"pageSize\": \"many\",", StringComparison.Ordinal);
        var path = _dir.Write("all/strategylayer.json", text);
        _dir.Write("all/templates/portfolio-pack.sbn", "x");
        var problems = new List<Diagnostic>();

        await ConfigLoader.TryLoadAsync(path, problems, Env, CancellationToken.None);

        Assert.Contains(problems, d => d.Path == "$.colour");
        Assert.Contains(problems, d => d.Path == "$.sources[0].pageSize");
        Assert.Contains(problems, d => d.Message.Contains("T_MISSING_TOKEN is not set", StringComparison.Ordinal) && d.Path == "$.sources[0].auth.tokenEnv");
        Assert.Contains(problems, d => d.Message.Contains("T_NOPE", StringComparison.Ordinal) && d.Path == "$.channels[0].path");
        Assert.Contains(problems, d => d.Message.Contains("source 'jora'", StringComparison.Ordinal));
        Assert.All(problems, d => Assert.NotNull(d.Line));
        await Assert.ThrowsAsync<DiagnosticsException>(() => ConfigLoader.LoadAsync(path, Env, CancellationToken.None));
    }

    [Theory]
    [InlineData("../../../outside/x")]
    [InlineData("sub/portfolio-pack")]
    [InlineData(".hidden")]
    public async Task A_template_name_that_is_a_path_is_refused_even_when_the_file_exists(string name)
    {
        var path = _dir.Write("names/cfg/strategylayer.json", Valid.Replace("\"template\": \"portfolio-pack\"", $"\"template\": \"{name}\"", StringComparison.Ordinal));
        _dir.Write("names/cfg/templates/" + name + ".sbn", "x");

        var ex = await Assert.ThrowsAsync<DiagnosticsException>(() => ConfigLoader.LoadAsync(path, Env, CancellationToken.None));

        var d = Assert.Single(ex.Diagnostics);
        Assert.Contains($"'{name}' is not a template name", d.Message, StringComparison.Ordinal);
        Assert.Equal("$.audiences[0].template", d.Path);
    }

    [Fact]
    public async Task A_bearer_token_over_plain_http_is_an_explicit_choice_in_the_web_section()
    {
        var withWeb = Valid.Replace("\"schedules\":", "\"web\": { \"urls\": \"http://10.0.0.5:5080\", \"bearerTokenEnv\": \"T_SN_SECRET\", \"allowBearerOverHttp\": true }, \"schedules\":", StringComparison.Ordinal);
        var path = _dir.Write("web/strategylayer.json", withWeb);
        _dir.Write("web/templates/portfolio-pack.sbn", "x");

        var config = await ConfigLoader.LoadAsync(path, Env, CancellationToken.None);

        Assert.True(config.Web.AllowBearerOverHttp);
        _dir.Write("web2/templates/portfolio-pack.sbn", "x");
        Assert.False((await ConfigLoader.LoadAsync(_dir.Write("web2/strategylayer.json", Valid), Env, CancellationToken.None)).Web.AllowBearerOverHttp);
    }

    [Fact]
    public async Task Malformed_json_names_the_line()
    {
        var path = _dir.Write("bad/strategylayer.json", "{\n  \"store\": \"x.db\",\n  \"sources\": [ { \"name\": }\n}");

        var ex = await Assert.ThrowsAsync<DiagnosticsException>(() => ConfigLoader.LoadAsync(path, Env, CancellationToken.None));

        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal(3, d.Line);
    }

    [Fact]
    public async Task A_secrets_file_supplies_variables_the_environment_lacks()
    {
        _dir.Write("sec/secrets.env", "# secrets\nT_MISSING_TOKEN=from-file-9876\n");
        var text = Valid.Replace("T_JIRA_TOKEN", "T_MISSING_TOKEN", StringComparison.Ordinal)
            .Replace("\"store\": \"data/x.db\",", "\"store\": \"data/x.db\", \"secretsFile\": \"secrets.env\",", StringComparison.Ordinal);
        var path = _dir.Write("sec/strategylayer.json", text);
        _dir.Write("sec/templates/portfolio-pack.sbn", "x");

        var config = await ConfigLoader.LoadAsync(path, Env, CancellationToken.None);

        Assert.Equal("from-file-9876", config.Sources[0].Auth.Secret);
    }

    [Fact]
    public async Task The_shipped_example_configs_pass_the_schema()
    {
        var repo = RepoRoot();
        // config/examples also holds strategy trees; only entry config files are checked here.
        foreach (var file in Directory.GetFiles(Path.Combine(repo, "config", "examples"), "*.json").Where(f => !Path.GetFileName(f).StartsWith("strategy", StringComparison.Ordinal)).Append(Path.Combine(repo, "config", "strategylayer.json")))
        {
            var problems = new List<Diagnostic>();
            await ConfigLoader.TryLoadAsync(file, problems, _ => "set-by-test", CancellationToken.None);
            Assert.DoesNotContain(problems, p => p.Message.Contains("unknown key", StringComparison.Ordinal) || p.Message.StartsWith("expected", StringComparison.Ordinal));
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StrategyLayer.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    public void Dispose() => _dir.Dispose();
}
