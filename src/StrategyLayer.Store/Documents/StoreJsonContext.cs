using System.Text.Json.Serialization;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Runs;

namespace StrategyLayer.Store.Documents;

/// <summary>
/// Source-generated JSON for what the store keeps as documents. An engine's own object mapper is not
/// used: it does not rebuild records with IReadOnlyList/IReadOnlyDictionary members.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WorkItem))]
[JsonSerializable(typeof(ItemMapping))]
[JsonSerializable(typeof(RunRecord))]
[JsonSerializable(typeof(Delivery))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
