using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using UglyToad.PdfPig;

namespace StrategyLayer.Browser.Tests.Support;

/// <summary>
/// Compares a printed pack with its HTML: every word the HTML shows must be printed (as often as
/// the HTML shows it), every letter must sit inside its page, and no letter may be smaller than
/// <see cref="MinPointSize"/> (a pack shrunk to fit a wide table prints its 9.5 pt body at about
/// 6 pt). Words compare case-insensitively (badges print upper case) after Unicode compatibility
/// normalization (Chromium prints "fi" as a ligature), split at anything not a letter or digit.
/// </summary>
internal sealed class PrintedPack
{
    public const double MinPointSize = 8;

    private PrintedPack(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public int Pages { get; private set; }

    /// <summary>The words of each page, as printed (1-based page N is index N - 1).</summary>
    public List<string> PageText { get; } = [];

    /// <summary>HTML words the PDF prints fewer times than the HTML shows them (word: shown, printed).</summary>
    public List<string> Missing { get; } = [];

    /// <summary>Letters below <see cref="MinPointSize"/> (page, letter, size).</summary>
    public List<string> Small { get; } = [];

    /// <summary>Letters that reach past the page's edge (page, letter, where).</summary>
    public List<string> Outside { get; } = [];

    /// <summary>The size most letters have: the body text's.</summary>
    public double BodyPointSize { get; private set; }

    public IEnumerable<string> Problems =>
        Missing.Select(m => Name + ": not printed: " + m)
            .Concat(Small.Take(10).Select(s => Name + ": too small: " + s))
            .Concat(Outside.Take(10).Select(o => Name + ": outside the page: " + o));

    public static PrintedPack Read(string htmlPath, string pdfPath)
    {
        var pack = new PrintedPack(Path.GetFileName(pdfPath));
        var shown = Count(HtmlText(File.ReadAllText(htmlPath)));
        var printed = new Dictionary<string, int>(StringComparer.Ordinal);
        var sizes = new Dictionary<double, int>();
        using var document = PdfDocument.Open(pdfPath);
        foreach (var page in document.GetPages())
        {
            pack.Pages++;
            var words = string.Join(" ", page.GetWords().Select(w => w.Text));
            pack.PageText.Add(words);
            foreach (var (word, n) in Count(words))
            {
                printed[word] = printed.GetValueOrDefault(word) + n;
            }

            foreach (var letter in page.Letters)
            {
                if (string.IsNullOrWhiteSpace(letter.Value))
                {
                    continue;
                }

                var size = Math.Round(letter.PointSize, 1);
                sizes[size] = sizes.GetValueOrDefault(size) + 1;
                if (letter.PointSize < MinPointSize - 0.05)
                {
                    pack.Small.Add(string.Create(CultureInfo.InvariantCulture, $"page {page.Number} '{letter.Value}' {letter.PointSize:0.0} pt"));
                }

                var box = letter.BoundingBox;
                if (box.Left < -0.5 || box.Bottom < -0.5 || box.Right > page.Width + 0.5 || box.Top > page.Height + 0.5)
                {
                    pack.Outside.Add(string.Create(CultureInfo.InvariantCulture, $"page {page.Number} '{letter.Value}' at {box.Left:0},{box.Bottom:0} on {page.Width:0}×{page.Height:0}"));
                }
            }
        }

        pack.BodyPointSize = sizes.Count == 0 ? 0 : sizes.MaxBy(s => s.Value).Key;
        foreach (var (word, n) in shown.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            if (printed.GetValueOrDefault(word) < n)
            {
                pack.Missing.Add(string.Create(CultureInfo.InvariantCulture, $"'{word}' shown {n}×, printed {printed.GetValueOrDefault(word)}×"));
            }
        }

        return pack;
    }

    /// <summary>The text a reader sees in the HTML: the body's text, without the charts' tooltips.</summary>
    public static string HtmlText(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder();
        Walk(document.Body!, text);
        return text.ToString();
    }

    private static void Walk(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IElement element && element.LocalName is "title" or "style" or "script")
            {
                continue;
            }

            if (child.NodeType == NodeType.Text)
            {
                text.Append(child.TextContent).Append(' ');
            }
            else
            {
                Walk(child, text);
            }
        }
    }

    public static Dictionary<string, int> Count(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                Add(counts, word);
            }
        }

        if (word.Length > 0)
        {
            Add(counts, word);
        }

        return counts;
    }

    private static void Add(Dictionary<string, int> counts, StringBuilder word)
    {
        var w = word.ToString();
        counts[w] = counts.GetValueOrDefault(w) + 1;
        word.Clear();
    }
}
