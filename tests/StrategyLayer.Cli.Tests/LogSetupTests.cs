using Serilog.Events;
using StrategyLayer.Cli.Logging;
using StrategyLayer.Domain.Settings;
using Xunit;

namespace StrategyLayer.Cli.Tests;

public sealed class LogSetupTests : IDisposable
{
    private const string Token = "ATATT3xFfGF0-secret-token-value";
    private const string Password = "hunter2-smtp-password";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sl-logs-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void No_secret_reaches_the_log_file_whatever_way_it_is_logged()
    {
        var mask = new SecretMask();
        mask.Add(Token);
        mask.Add(Password);
        var auth = new SourceAuth { Kind = AuthKind.Basic, User = "pmo@example.com", Secret = Token };
        var smtp = new SmtpSettings { Host = "smtp.example.com", User = "mailer", Password = Password };

        using (var log = LogSetup.Create(mask, _dir, LogEventLevel.Fatal))
        {
            log.Information("Auth is {@Auth}", auth);
            log.Information("Smtp is {@Smtp}", smtp);
            log.Information("Auth as text {Auth}", auth);
            log.Information("Header {Header}", "Authorization: Basic " + Convert.ToBase64String("u:p"u8.ToArray()));
            log.Information("Query {Query}", "grant_type=password&password=letmein99&client_secret=abc123def");
            log.Warning(new InvalidOperationException("upstream said: bad token " + Token), "Call failed");
            log.Information("Plain {Value}", "prefix-" + Token + "-suffix");
        }

        var text = string.Concat(Directory.GetFiles(_dir).Select(File.ReadAllText));
        Assert.Contains("pmo@example.com", text, StringComparison.Ordinal);
        Assert.Contains("smtp.example.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain("dTpw", text, StringComparison.Ordinal);
        Assert.DoesNotContain("letmein99", text, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123def", text, StringComparison.Ordinal);
        Assert.Contains("***", text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
    }
}
