using Npgsql;
using StrategyLayer.Domain.Errors;
using Xunit;

namespace StrategyLayer.Store.PostgreSql.Tests;

public sealed class PostgreSqlLocationTests
{
    private static readonly Func<string, string?> NoSecrets = _ => null;

    private static NpgsqlConnectionStringBuilder Keywords(PostgreSqlLocation location) => new(location.ConnectionString);

    [Fact]
    public void A_plain_uri_becomes_host_port_user_and_database_keywords()
    {
        var location = PostgreSqlLocation.Parse("postgresql://pmo@db.example.com:5433/strategy", NoSecrets);

        var keywords = Keywords(location);
        Assert.Equal("db.example.com:5433", keywords.Host);
        Assert.Equal("pmo", keywords.Username);
        Assert.Equal("strategy", keywords.Database);
        Assert.Null(keywords.Password);
    }

    [Fact]
    public void User_password_and_database_are_percent_decoded()
    {
        var location = PostgreSqlLocation.Parse("postgres://p%40mo:s%2Fe%3Acr%C3%A9t@localhost/my%20db", NoSecrets);

        var keywords = Keywords(location);
        Assert.Equal("p@mo", keywords.Username);
        Assert.Equal("s/e:crét", keywords.Password);
        Assert.Equal("my db", keywords.Database);
    }

    [Theory]
    [InlineData("disable", SslMode.Disable)]
    [InlineData("require", SslMode.Require)]
    [InlineData("verify-ca", SslMode.VerifyCA)]
    [InlineData("verify-full", SslMode.VerifyFull)]
    public void Sslmode_in_the_query_sets_the_ssl_mode(string text, SslMode mode)
    {
        var location = PostgreSqlLocation.Parse($"postgresql://u@h/d?sslmode={text}&application_name=pmo%20hub", NoSecrets);

        Assert.Equal(mode, Keywords(location).SslMode);
        Assert.Equal("pmo hub", Keywords(location).ApplicationName);
    }

    [Fact]
    public void A_password_expanded_from_the_environment_may_hold_reserved_characters_unencoded()
    {
        // Config expands ${env:NAME} before the URI is read: the password arrives as it is.
        var location = PostgreSqlLocation.Parse("postgresql://pmo:a/b?c@d@db:5432/strategy?sslmode=require", NoSecrets);

        var keywords = Keywords(location);
        Assert.Equal("a/b?c@d", keywords.Password);
        Assert.Equal("db:5432", keywords.Host);
        Assert.Equal("strategy", keywords.Database);
        Assert.Equal(SslMode.Require, keywords.SslMode);
    }

    [Fact]
    public void Without_a_password_in_the_uri_pgpassword_is_looked_up_where_config_finds_secrets()
    {
        var location = PostgreSqlLocation.Parse("postgresql://pmo@db/strategy", name => name == "PGPASSWORD" ? "from-secrets-file" : null);

        Assert.Equal("from-secrets-file", Keywords(location).Password);
        Assert.Equal("from-secrets-file", location.Password);
    }

    [Fact]
    public void A_password_in_the_uri_wins_over_pgpassword()
    {
        var location = PostgreSqlLocation.Parse("postgresql://pmo:inline@db/strategy", _ => "other");

        Assert.Equal("inline", Keywords(location).Password);
    }

    [Fact]
    public void Several_hosts_and_an_ipv6_address_are_kept_with_their_ports()
    {
        var location = PostgreSqlLocation.Parse("postgresql://u@[::1]:5433,db2:5434/d?target_session_attrs=primary", NoSecrets);

        Assert.Equal("[::1]:5433,db2:5434", Keywords(location).Host);
        Assert.Equal("primary", Keywords(location).TargetSessionAttributes);
    }

    [Fact]
    public void The_display_form_and_to_string_never_carry_the_password()
    {
        var location = PostgreSqlLocation.Parse("postgresql://pmo:hunter2secret@db:5432/strategy?sslmode=require&password=alsosecret", NoSecrets);

        Assert.DoesNotContain("hunter2secret", location.Display, StringComparison.Ordinal);
        Assert.DoesNotContain("alsosecret", location.Display, StringComparison.Ordinal);
        Assert.DoesNotContain("alsosecret", location.ToString(), StringComparison.Ordinal);
        Assert.Equal("postgresql://pmo@db:5432/strategy?sslmode=require", location.Display);
        Assert.Equal("alsosecret", Keywords(location).Password);
    }

    [Fact]
    public void An_unknown_sslmode_is_a_usage_error_that_names_it_and_hides_the_password()
    {
        var error = Assert.Throws<StrategyLayerException>(() => PostgreSqlLocation.Parse("postgresql://pmo:hunter2secret@db/strategy?sslmode=sometimes", NoSecrets));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Contains("sometimes", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgresql://u@db:70000/d", "70000")]
    [InlineData("postgresql://u@db/d?frobnicate=1", "frobnicate")]
    [InlineData("postgresql://u@db/d?sslmode", "sslmode")]
    public void A_bad_part_is_named_in_the_error(string uri, string named)
    {
        var error = Assert.Throws<StrategyLayerException>(() => PostgreSqlLocation.Parse(uri, NoSecrets));

        Assert.Equal("store", error.Where);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgresql://u@h/d", true)]
    [InlineData("POSTGRES://u@h/d", true)]
    [InlineData("../data/strategylayer.db", false)]
    [InlineData("C:\\data\\store.db", false)]
    public void Only_postgresql_uris_are_taken_for_a_database(string store, bool isUri) =>
        Assert.Equal(isUri, PostgreSqlLocation.IsUri(store));
}
