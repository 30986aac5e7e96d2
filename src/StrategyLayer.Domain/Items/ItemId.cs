namespace StrategyLayer.Domain.Items;

/// <summary>Item naming: <c>source:KEY</c> for people, <c>source/sourceId</c> for the store.</summary>
public static class ItemId
{
    public static string Format(string source, string key) => source + ":" + key;

    public static string Uid(string source, string sourceId) => source + "/" + sourceId;

    /// <summary>Splits <c>source:KEY</c>; a bare key gives a null source.</summary>
    public static (string? Source, string Key) Parse(string id)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? (null, id) : (id[..colon], id[(colon + 1)..]);
    }
}
