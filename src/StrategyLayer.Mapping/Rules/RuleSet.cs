using System.Security.Cryptography;
using System.Text;

namespace StrategyLayer.Mapping.Rules;

/// <summary>The rules file: which items must be mapped (<see cref="InScope"/>), pins, then ordered rules.</summary>
public sealed record RuleSet(string? InScope, IReadOnlyList<RulePin> Pins, IReadOnlyList<MappingRule> Rules)
{
    /// <summary>Custom field names the queries may use (from config).</summary>
    public IReadOnlyCollection<string> CustomFields { get; init; } = [];

    /// <summary>A hash of everything that decides a mapping: a change here means a full re-map.</summary>
    public string Fingerprint()
    {
        var sb = new StringBuilder();
        sb.Append("scope:").Append(InScope).Append('\n');
        foreach (var pin in Pins)
        {
            sb.Append("pin:").Append(pin.Item).Append('>').Append(pin.MeasureId).Append('\n');
        }

        foreach (var rule in Rules)
        {
            sb.Append("rule:").Append(rule.Id).Append('|').Append(rule.When).Append('>').Append(rule.MeasureId).Append('\n');
        }

        foreach (var field in CustomFields.Order(StringComparer.OrdinalIgnoreCase))
        {
            sb.Append("field:").Append(field).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
