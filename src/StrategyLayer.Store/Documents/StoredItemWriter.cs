using System.Buffers;
using System.Text.Json;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Store.Documents;

/// <summary>
/// Writes an item's stored JSON straight to a <see cref="Utf8JsonWriter"/>: the very bytes
/// <see cref="StoreJson.WorkItem"/> writes (same names and order, nulls left out, enum names in lower
/// case, the writer's default escaping), so content hashes stay what they were. Every item of a sync is
/// written (to hash it, and on a change to store it); the general serializer's metadata path was a
/// tenth of a re-sync's CPU. A test holds the bytes equal for every property of <see cref="WorkItem"/>.
/// </summary>
internal static class StoredItemWriter
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    public static byte[] ToUtf8Bytes(WorkItem item)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(8 * 1024);
        buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        Write(writer, item);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter w, WorkItem item)
    {
        w.WriteStartObject();
        w.WriteString("source"u8, item.Source);
        w.WriteString("sourceId"u8, item.SourceId);
        w.WriteString("key"u8, item.Key);
        Strings(w, "previousKeys"u8, item.PreviousKeys);
        w.WriteString("kind"u8, Name(item.Kind));
        Optional(w, "table"u8, item.Table);
        w.WriteString("title"u8, item.Title);
        Optional(w, "description"u8, item.Description);
        w.WriteString("status"u8, item.Status);
        Optional(w, "statusCode"u8, item.StatusCode);
        w.WriteString("category"u8, Name(item.Category));
        Optional(w, "resolution"u8, item.Resolution);
        Optional(w, "type"u8, item.Type);
        Optional(w, "priority"u8, item.Priority);
        if (item.PriorityRank is { } rank)
        {
            w.WriteNumber("priorityRank"u8, rank);
        }

        Optional(w, "project"u8, item.Project);
        Optional(w, "team"u8, item.Team);
        Optional(w, "assignee"u8, item.Assignee);
        Optional(w, "reporter"u8, item.Reporter);
        Strings(w, "labels"u8, item.Labels);
        Strings(w, "components"u8, item.Components);
        Strings(w, "fixVersions"u8, item.FixVersions);
        Optional(w, "parent"u8, item.Parent);
        Optional(w, "epic"u8, item.Epic);
        if (item.Links is not null)
        {
            w.WriteStartArray("links"u8);
            foreach (var link in item.Links)
            {
                w.WriteStartObject();
                w.WriteString("type"u8, link.Type);
                w.WriteString("targetKey"u8, link.TargetKey);
                Optional(w, "targetStatus"u8, link.TargetStatus);
                if (link.TargetCategory is { } category)
                {
                    w.WriteString("targetCategory"u8, Name(category));
                }

                Optional(w, "targetTeam"u8, link.TargetTeam);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteString("created"u8, item.Created);
        w.WriteString("updated"u8, item.Updated);
        if (item.Resolved is { } resolved)
        {
            w.WriteString("resolved"u8, resolved);
        }

        if (item.Due is { } due)
        {
            w.WriteString("due"u8, due);
        }

        if (item.Estimate is { } estimate)
        {
            w.WriteNumber("estimate"u8, estimate);
        }

        Optional(w, "browseUrl"u8, item.BrowseUrl);
        if (item.Fields is not null)
        {
            w.WriteStartObject("fields"u8);
            foreach (var (name, value) in item.Fields)
            {
                w.WriteString(name, value);
            }

            w.WriteEndObject();
        }

        if (item.Removed is { } removed)
        {
            w.WriteStartObject("removed"u8);
            w.WriteString("reason"u8, Name(removed.Reason));
            w.WriteString("detectedAt"u8, removed.DetectedAt);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Strings(Utf8JsonWriter w, ReadOnlySpan<byte> name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static string Name(WorkItemKind kind) => kind switch
    {
        WorkItemKind.Issue => "issue",
        WorkItemKind.Incident => "incident",
        WorkItemKind.Change => "change",
        WorkItemKind.Problem => "problem",
        _ => StoreJson.EnumName(kind),
    };

    private static string Name(StatusCategory category) => category switch
    {
        StatusCategory.ToDo => "todo",
        StatusCategory.InProgress => "inprogress",
        StatusCategory.Done => "done",
        StatusCategory.Cancelled => "cancelled",
        _ => StoreJson.EnumName(category),
    };

    private static string Name(RemovalReason reason) => StoreJson.EnumName(reason);
}
