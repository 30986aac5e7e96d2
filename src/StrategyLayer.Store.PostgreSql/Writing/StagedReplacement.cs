using StrategyLayer.Domain.Items;

namespace StrategyLayer.Store.PostgreSql.Writing;

/// <summary>An item stored (or left unchanged) with text replaced by U+FFFD: its mark in <c>strategylayer.replaced_text</c>.</summary>
internal sealed record StagedReplacement(string Uid, string Key, string SourceId, IReadOnlyList<ReplacedText> Fields);
