using System.Text.Json;
using System.Text.Json.Serialization;
using StrategyLayer.Reporting.Model;

namespace StrategyLayer.Reporting.Snapshots;

/// <summary>
/// Source-generated writing of <see cref="PeriodItem"/>: the same JSON as <see cref="SnapshotService.Json"/>
/// (web defaults: camelCase, nulls written, declaration order), written by generated code straight to the
/// writer instead of through reflection metadata. A report writes one row per in-scope item (300k at large).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(PeriodItem))]
internal sealed partial class SnapshotRowJson : JsonSerializerContext;
