using System.Security.Cryptography;
using System.Text;
using StrategyLayer.Domain.Reporting;

namespace StrategyLayer.Distribution;

public sealed partial class PackDistributor
{
    /// <summary>
    /// Sends a short message at once (no files) to every audience with <c>exceptions: true</c>:
    /// measures that turned red, new blocking dependencies. Goes through the outbox like a pack,
    /// keyed by the notices, so the same notices are not sent twice for a period.
    /// </summary>
    public async Task<DistributionResult> NotifyExceptionsAsync(ReportingPeriod period, IReadOnlyList<ExceptionNotice> notices, CancellationToken cancellationToken)
    {
        if (notices.Count == 0)
        {
            return DistributionResult.Empty;
        }

        var ordered = notices.OrderBy(n => n.Key, StringComparer.Ordinal).ToList();
        var version = "exc-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', ordered.Select(n => n.Key)))).AsSpan(0, 12));
        var text = string.Join(Environment.NewLine, ordered.Select(n => "• " + n.Text + (n.Link is null ? "" : " " + n.Link)));

        var outcomes = new List<DeliveryOutcome>();
        foreach (var audience in _audiences.Values.Where(a => a.Exceptions))
        {
            foreach (var channelName in audience.Channels)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var work = new Work(audience.Name, channelName, period.Name, version, [], text, null, audience.Template);
                outcomes.AddRange(await DeliverToChannelAsync(work, cancellationToken));
            }
        }

        return new DistributionResult(outcomes);
    }
}
