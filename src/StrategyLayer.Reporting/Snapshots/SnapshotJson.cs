using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StrategyLayer.Reporting.Model;

namespace StrategyLayer.Reporting.Snapshots;

/// <summary>
/// How a snapshot stores its JSON: an <see cref="PeriodItem"/> line keeps the stored form it always
/// had (no display fields, with the item's tags), so snapshots written before and after read alike.
/// </summary>
internal static class SnapshotJson
{
    private static readonly string[] DisplayOnly = ["measureName", "untracked", "suggestedRule", "suggestedMeasure"];

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { StoredRow } },
    };

    private static void StoredRow(JsonTypeInfo info)
    {
        if (info.Type != typeof(PeriodItem))
        {
            return;
        }

        // Tags is [JsonIgnore] for every other reader of the row (the pack's JSON, its version hash).
        foreach (var display in info.Properties.Where(p => p.Name == "tags" || DisplayOnly.Contains(p.Name)).ToList())
        {
            info.Properties.Remove(display);
        }

        var tags = info.CreateJsonPropertyInfo(typeof(IReadOnlyList<string>), "tags");
        tags.Get = row => ((PeriodItem)row).Tags;
        tags.Set = (row, value) => typeof(PeriodItem).GetProperty(nameof(PeriodItem.Tags))!.SetValue(row, value);
        var label = info.Properties.Single(p => p.Name == "label");
        info.Properties.Insert(info.Properties.IndexOf(label) + 1, tags);
    }
}
