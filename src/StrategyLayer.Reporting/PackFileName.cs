using System.Text;

namespace StrategyLayer.Reporting;

/// <summary>Pack files are named <c>{template}[-{team}]-{period}.{html|pdf}</c>.</summary>
public static class PackFileName
{
    public static string For(string template, string? team, string period, string extension)
    {
        var name = new StringBuilder(Safe(template));
        if (!string.IsNullOrWhiteSpace(team))
        {
            name.Append('-').Append(Safe(team));
        }

        return name.Append('-').Append(Safe(period)).Append('.').Append(extension.TrimStart('.')).ToString();
    }

    // Team names come from source tools ("Service Desk"): keep them readable but file-safe.
    private static string Safe(string part)
    {
        var sb = new StringBuilder(part.Length);
        foreach (var c in part.Trim())
        {
            sb.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return sb.ToString().Trim('.');
    }
}
