namespace StrategyLayer.Domain.Errors;

/// <summary>
/// The base of every error we throw on purpose. <see cref="Where"/> says where: a file and line,
/// a JSON path, a config key, an item key, a page. The CLI maps <see cref="Kind"/> to an exit code.
/// </summary>
public class StrategyLayerException : Exception
{
    public StrategyLayerException(string message, ErrorKind kind = ErrorKind.Runtime, string? where = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        Where = where;
    }

    public ErrorKind Kind { get; }

    public string? Where { get; }
}

public enum ErrorKind
{
    /// <summary>Failure at run time (exit 1).</summary>
    Runtime,

    /// <summary>Bad usage, config, rules, templates, or a store from a newer version (exit 2).</summary>
    Usage,
}
