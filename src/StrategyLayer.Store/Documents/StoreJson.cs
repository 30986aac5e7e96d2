using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Runs;

namespace StrategyLayer.Store.Documents;

/// <summary>
/// For engines: the JSON every engine stores documents as, so that items hash the same on every
/// engine and a store can be copied from one engine to another. Compact JSON for stored documents: camelCase, nulls left out (empty collections are written: source-generated
/// deserialization sets a missing init-only member to null, not to its initializer), computed
/// names (<see cref="WorkItem.Id"/>, <see cref="WorkItem.Uid"/>) not stored, enums as lower-case
/// strings (<c>todo</c>, <c>inprogress</c>, <c>issue</c>, …) as the CLI's JSON spells them.
/// </summary>
public static class StoreJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static readonly JsonTypeInfo<WorkItem> WorkItem = (JsonTypeInfo<WorkItem>)Options.GetTypeInfo(typeof(WorkItem));
    public static readonly JsonTypeInfo<ItemMapping> Mapping = (JsonTypeInfo<ItemMapping>)Options.GetTypeInfo(typeof(ItemMapping));
    public static readonly JsonTypeInfo<RunRecord> Run = (JsonTypeInfo<RunRecord>)Options.GetTypeInfo(typeof(RunRecord));
    public static readonly JsonTypeInfo<Delivery> Delivery = (JsonTypeInfo<Delivery>)Options.GetTypeInfo(typeof(Delivery));

    /// <summary>
    /// Reads a <see cref="Domain.Items.WorkItem"/> through reflection metadata, for passes over every item.
    /// The source-generated metadata builds a WorkItem through its parameterized-constructor path (its
    /// members are <c>required</c>/<c>init</c>), which boxes every value into an argument array: at 300k
    /// items that is most of a report's reading time. Same names and converters, so the same items; the
    /// store still writes with <see cref="WorkItem"/> only.
    /// </summary>
    public static readonly JsonTypeInfo<WorkItem> WorkItemReader = CreateReader();

    /// <summary>
    /// Reads a stored item in one forward pass (<see cref="StoredItemReader"/>), or through
    /// <see cref="WorkItemReader"/> when that pass meets something it does not expect; collections a store written by an early
    /// build left out (null after reading) come back empty, so no reader ever sees a null list.
    /// </summary>
    public static WorkItem? ReadItem(ReadOnlySpan<byte> json) =>
        StoredItemReader.TryRead(json) ?? (System.Text.Json.JsonSerializer.Deserialize(json, WorkItemReader) is { } item ? Filled(item) : null);

    /// <summary>The item with every collection that is null made empty (the same item when none is).</summary>
    public static WorkItem Filled(WorkItem item) =>
        item.PreviousKeys is not null && item.Labels is not null && item.Components is not null
        && item.FixVersions is not null && item.Links is not null && item.Fields is not null
            ? item
            : item with
            {
                PreviousKeys = item.PreviousKeys ?? [],
                Labels = item.Labels ?? [],
                Components = item.Components ?? [],
                FixVersions = item.FixVersions ?? [],
                Links = item.Links ?? [],
                Fields = item.Fields ?? new Dictionary<string, string?>(),
            };

    public static string EnumName<T>(T value)
        where T : struct, Enum => LowerCase.Instance.ConvertName(value.ToString());

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(StoreJsonContext.Default.Options)
        {
            TypeInfoResolver = StoreJsonContext.Default.WithAddedModifier(Compact),
        };
        options.Converters.Add(new JsonStringEnumConverter<StatusCategory>(LowerCase.Instance, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<WorkItemKind>(LowerCase.Instance, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<RemovalReason>(LowerCase.Instance, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<DecisionKind>(LowerCase.Instance, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<RunResult>(LowerCase.Instance, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<DeliveryState>(LowerCase.Instance, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<SnapshotState>(LowerCase.Instance, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }

    private static JsonTypeInfo<WorkItem> CreateReader()
    {
        var options = new JsonSerializerOptions(Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        options.MakeReadOnly();
        return (JsonTypeInfo<WorkItem>)options.GetTypeInfo(typeof(WorkItem));
    }

    private static void Compact(JsonTypeInfo type)
    {
        if (type.Type == typeof(WorkItem))
        {
            foreach (var computed in type.Properties.Where(p => p.Name is "id" or "uid").ToList())
            {
                type.Properties.Remove(computed);
            }
        }

        if (type.Type == typeof(ItemMapping))
        {
            foreach (var computed in type.Properties.Where(p => p.Name is "untracked").ToList())
            {
                type.Properties.Remove(computed);
            }
        }

        if (type.Type == typeof(ItemLink))
        {
            foreach (var computed in type.Properties.Where(p => p.Name is "isBlockedBy").ToList())
            {
                type.Properties.Remove(computed);
            }
        }
    }

    private sealed class LowerCase : JsonNamingPolicy
    {
        public static readonly LowerCase Instance = new();

        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
