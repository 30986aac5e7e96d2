namespace StrategyLayer.Rendering;

/// <summary>
/// Markup our own code generated (an inline SVG trend): the only value a template writes
/// without escaping. Never wrap text that came from a source tool in it.
/// </summary>
public sealed class TrustedHtml(string html)
{
    public string Html { get; } = html;

    public override string ToString() => Html;
}
