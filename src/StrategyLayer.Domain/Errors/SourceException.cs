namespace StrategyLayer.Domain.Errors;

/// <summary>A source tool refused or failed; names the source, and the page or item where known.</summary>
public sealed class SourceException : StrategyLayerException
{
    public SourceException(string source, string message, string? where = null, int? statusCode = null, Exception? inner = null)
        : base($"{source}: {message}", ErrorKind.Runtime, where, inner)
    {
        Source = source;
        StatusCode = statusCode;
    }

    public new string Source { get; }

    public int? StatusCode { get; }
}
