namespace StrategyLayer.Mapping.Query;

/// <summary>A problem in a query, at an offset; <see cref="Line"/> and <see cref="Column"/> are 1-based within the query.</summary>
public sealed record QueryError(string Message, int Offset, int Line, int Column)
{
    internal static QueryError At(string text, int offset, string message)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new QueryError(message, offset, line, offset - lineStart + 1);
    }

    public override string ToString() => $"({Line},{Column}): {Message}";
}
