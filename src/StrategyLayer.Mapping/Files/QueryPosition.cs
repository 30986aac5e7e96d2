using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StrategyLayer.Mapping.Files;

/// <summary>
/// Turns an offset inside a query string (its decoded value) into the line and column of the file,
/// by finding the string's literal on its line and walking its escapes.
/// </summary>
internal sealed class QueryPosition(string[] lines)
{
    public static QueryPosition For(string path) => new(File.Exists(path) ? File.ReadAllLines(path) : []);

    public (int? Line, int? Column) Locate(JToken token, int offset)
    {
        if (token is not IJsonLineInfo info || !info.HasLineInfo() || info.LineNumber < 1 || info.LineNumber > lines.Length)
        {
            return (null, null);
        }

        var line = lines[info.LineNumber - 1];
        var value = token.Type == JTokenType.String ? (string?)token : null;
        (int Start, int End)? best = null;
        foreach (var literal in Literals(line))
        {
            if (Decode(line, literal.Start) != value)
            {
                continue;
            }

            if (best is null || Math.Abs(literal.End - info.LinePosition) < Math.Abs(best.Value.End - info.LinePosition))
            {
                best = literal;
            }
        }

        if (best is not { } found)
        {
            return (info.LineNumber, info.LinePosition);
        }

        // Walk the raw literal until `offset` decoded characters have passed.
        var i = found.Start + 1;
        var decoded = 0;
        while (i < found.End - 1 && decoded < offset)
        {
            i += line[i] == '\\' ? (i + 1 < line.Length && line[i + 1] == 'u' ? 6 : 2) : 1;
            decoded++;
        }

        return (info.LineNumber, i + 1);
    }

    private static IEnumerable<(int Start, int End)> Literals(string line)
    {
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] == '/' && i + 1 < line.Length && line[i + 1] == '/')
            {
                yield break;
            }

            if (line[i] != '"')
            {
                i++;
                continue;
            }

            var start = i++;
            while (i < line.Length && line[i] != '"')
            {
                i += line[i] == '\\' ? 2 : 1;
            }

            i = Math.Min(i + 1, line.Length);
            yield return (start, i);
        }
    }

    private static string? Decode(string line, int start)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(line[start..]));
            return reader.Read() && reader.TokenType == JsonToken.String ? (string?)reader.Value : null;
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }
}
