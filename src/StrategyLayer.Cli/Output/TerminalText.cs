using System.Globalization;
using System.Text;

namespace StrategyLayer.Cli.Output;

/// <summary>
/// Text from a source tool made safe for a terminal: escape sequences (CSI, OSC, and the rest of
/// ESC …) are dropped whole, other C0 controls (except tab and newline), DEL and C1 controls are
/// dropped, and bidirectional overrides and isolates are shown as <c>&lt;U+202E&gt;</c> so a title
/// cannot reorder what is printed after it. <c>--json</c> never goes through this: it keeps the
/// exact text, escaped by the JSON writer.
/// </summary>
internal static class TerminalText
{
    private const char Esc = '\u001b';
    private const char Bel = '\u0007';

    /// <summary>Cleaned text; tabs and newlines kept.</summary>
    public static string Clean(string? text) => Clean(text, singleLine: false);

    /// <summary>Cleaned text on one line (a table cell): tabs, carriage returns and newlines become spaces.</summary>
    public static string Cell(string? text) => Clean(text, singleLine: true);

    private static string Clean(string? text, bool singleLine)
    {
        if (string.IsNullOrEmpty(text) || !NeedsWork(text))
        {
            return text ?? "";
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == Esc)
            {
                i = SkipEscape(text, i);
                continue;
            }

            if (c is '\n' or '\t' or '\r')
            {
                if (singleLine)
                {
                    result.Append(' ');
                }
                else if (c != '\r')
                {
                    result.Append(c);
                }

                continue;
            }

            if (c < ' ' || c is >= '\u007f' and <= '\u009f')
            {
                continue;
            }

            if (IsBidiControl(c))
            {
                result.Append("<U+").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('>');
                continue;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    private static bool NeedsWork(string text)
    {
        foreach (var c in text)
        {
            if (c < ' ' || c is >= '\u007f' and <= '\u009f' || IsBidiControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>LRE, RLE, PDF, LRO, RLO (U+202A–E) and LRI, RLI, FSI, PDI (U+2066–9).</summary>
    private static bool IsBidiControl(char c) => c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069';

    /// <summary>Returns the index of the last character of the escape sequence that starts at <paramref name="start"/>.</summary>
    private static int SkipEscape(string text, int start)
    {
        var i = start + 1;
        if (i >= text.Length)
        {
            return start;
        }

        switch (text[i])
        {
            case '[':
                // CSI: parameter and intermediate bytes, then one final byte in @ … ~.
                for (i++; i < text.Length; i++)
                {
                    if (text[i] is >= '@' and <= '~')
                    {
                        return i;
                    }
                }

                return text.Length - 1;
            case ']' or 'P' or 'X' or '^' or '_':
                // OSC, DCS, SOS, PM, APC: a string ended by BEL or ST (ESC \).
                for (i++; i < text.Length; i++)
                {
                    if (text[i] == Bel)
                    {
                        return i;
                    }

                    if (text[i] == Esc && i + 1 < text.Length && text[i + 1] == '\\')
                    {
                        return i + 1;
                    }
                }

                return text.Length - 1;
            default:
                // Two- or three-character sequences: intermediates (space … /), then a final byte.
                while (i < text.Length && text[i] is >= ' ' and <= '/')
                {
                    i++;
                }

                return Math.Min(i, text.Length - 1);
        }
    }
}
