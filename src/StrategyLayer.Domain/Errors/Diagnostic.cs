namespace StrategyLayer.Domain.Errors;

/// <summary>One problem found in a file: collected, never thrown one by one.</summary>
public sealed record Diagnostic(string Message, string? File = null, int? Line = null, int? Column = null, string? Path = null)
{
    public override string ToString()
    {
        var where = File ?? "";
        if (Line is { } line)
        {
            where += Column is { } col ? $"({line},{col})" : $"({line})";
        }

        if (!string.IsNullOrEmpty(Path))
        {
            where += (where.Length > 0 ? " " : "") + Path;
        }

        return where.Length > 0 ? $"{where}: {Message}" : Message;
    }
}
