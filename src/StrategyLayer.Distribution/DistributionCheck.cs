using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Distribution;

/// <summary>Checks audiences and channels before anything is sent (for <c>validate</c>, exit 2).</summary>
public static class DistributionCheck
{
    public static IReadOnlyList<Diagnostic> Check(IReadOnlyList<AudienceSettings> audiences, IReadOnlyList<ChannelSettings> channels, string? file = null)
    {
        var found = new List<Diagnostic>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < channels.Count; i++)
        {
            var c = channels[i];
            var at = $"$.channels[{i}]";
            if (!names.Add(c.Name))
            {
                found.Add(new Diagnostic($"channel '{c.Name}' is defined twice", file, Path: at + ".name"));
            }

            switch (c.Type.ToLowerInvariant())
            {
                case "email":
                    if (c.Smtp is null)
                    {
                        found.Add(new Diagnostic($"email channel '{c.Name}' needs 'smtp'", file, Path: at));
                    }
                    else if (c.Smtp.Security.ToLowerInvariant() is not ("none" or "starttls" or "tls" or "auto"))
                    {
                        found.Add(new Diagnostic($"smtp.security '{c.Smtp.Security}' is not one of none, starttls, tls, auto", file, Path: at + ".smtp.security"));
                    }

                    if (string.IsNullOrWhiteSpace(c.From))
                    {
                        found.Add(new Diagnostic($"email channel '{c.Name}' needs 'from'", file, Path: at + ".from"));
                    }

                    if (c.To.Count == 0)
                    {
                        found.Add(new Diagnostic($"email channel '{c.Name}' needs at least one address in 'to'", file, Path: at + ".to"));
                    }

                    if (c.Subject is not null)
                    {
                        found.AddRange(MessageTemplate.Check(c.Subject, at + ".subject").Select(d => d with { File = file }));
                    }

                    break;
                case "folder":
                    if (string.IsNullOrWhiteSpace(c.Path))
                    {
                        found.Add(new Diagnostic($"folder channel '{c.Name}' needs 'path'", file, Path: at + ".path"));
                    }

                    break;
                case "webhook":
                    if ((c.Format ?? "slack").ToLowerInvariant() is not ("slack" or "teams"))
                    {
                        found.Add(new Diagnostic($"webhook format '{c.Format}' is not one of slack, teams", file, Path: at + ".format"));
                    }

                    if (!Uri.TryCreate(c.Url, UriKind.Absolute, out _))
                    {
                        found.Add(new Diagnostic($"webhook channel '{c.Name}' needs a URL (urlEnv)", file, Path: at + ".urlEnv"));
                    }

                    break;
                default:
                    found.Add(new Diagnostic($"channel type '{c.Type}' is not one of email, folder, webhook", file, Path: at + ".type"));
                    break;
            }
        }

        for (var i = 0; i < audiences.Count; i++)
        {
            for (var j = 0; j < audiences[i].Channels.Count; j++)
            {
                var name = audiences[i].Channels[j];
                if (!names.Contains(name))
                {
                    found.Add(new Diagnostic($"audience '{audiences[i].Name}' names channel '{name}', which is not configured", file, Path: $"$.audiences[{i}].channels[{j}]"));
                }
            }
        }

        return found;
    }
}
