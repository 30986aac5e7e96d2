using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Connectors.Jira;

/// <summary>One issue could not be normalized; the page goes on and the issue is quarantined.</summary>
public sealed class MalformedIssueException : StrategyLayerException
{
    public MalformedIssueException(string? key, string? id, string reason)
        : base(reason, ErrorKind.Runtime, key ?? id)
    {
        Key = key;
        IssueId = id;
    }

    public string? Key { get; }

    public string? IssueId { get; }
}
