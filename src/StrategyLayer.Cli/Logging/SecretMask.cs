using System.Text.RegularExpressions;

namespace StrategyLayer.Cli.Logging;

/// <summary>
/// The secrets this process knows (resolved from the environment at config load) plus patterns
/// that look like credentials; <see cref="Apply"/> replaces both with <c>***</c>. Every log sink
/// writes through it, so no code path can leak one by accident.
/// </summary>
internal partial class SecretMask
{
    private readonly List<string> _secrets = [];
    private readonly Lock _gate = new();

    public void Add(string? secret)
    {
        // Very short values would mask ordinary words; they are not credentials we can protect by text.
        if (string.IsNullOrEmpty(secret) || secret.Length < 4)
        {
            return;
        }

        lock (_gate)
        {
            if (!_secrets.Contains(secret))
            {
                _secrets.Add(secret);
                _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
            }
        }
    }

    public string Apply(string text)
    {
        lock (_gate)
        {
            foreach (var secret in _secrets)
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        text = AuthorizationHeader().Replace(text, "$1***");
        return KeyValueSecret().Replace(text, "$1***");
    }

    [GeneratedRegex(@"((?:Authorization|Proxy-Authorization)\s*[:=]\s*(?:Basic|Bearer)?\s*)[^\s,""'}]+", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"((?:password|passwd|secret|token|access_token|refresh_token|client_secret|api[_-]?key)""?\s*[:=]\s*""?)[^\s&,""'}]+", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValueSecret();
}
