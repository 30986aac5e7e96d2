namespace StrategyLayer.Reporting.Building;

/// <summary>
/// Where a figure links: the web view (<c>{webBaseUrl}/items/{id}</c>) when it is configured,
/// else the item's browse URL in its source tool. Only http(s) URLs are ever emitted, so a
/// hostile browse URL (<c>javascript:</c>) from a source cannot become a link.
/// </summary>
internal sealed class ItemLinks
{
    private readonly string? web;

    public ItemLinks(string? webBaseUrl)
    {
        web = Safe(webBaseUrl)?.TrimEnd('/');
    }

    public string? ForItem(string id, string? browseUrl) =>
        web is null ? Safe(browseUrl) : $"{web}/items/{Uri.EscapeDataString(id)}";

    public string? ForMeasure(string measureId) =>
        web is null ? null : $"{web}/items?measure={Uri.EscapeDataString(measureId)}";

    public string? ForTeam(string team) =>
        web is null ? null : $"{web}/items?team={Uri.EscapeDataString(team)}";

    public string? ForUntracked(string? team = null) =>
        web is null ? null
        : team is null ? $"{web}/items?untracked=true"
        : $"{web}/items?untracked=true&team={Uri.EscapeDataString(team)}";

    public static string? Safe(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;
}
