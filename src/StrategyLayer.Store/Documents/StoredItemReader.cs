using System.Text.Json;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Store.Documents;

/// <summary>
/// Reads a stored item's JSON (the form <see cref="StoreJson.WorkItem"/> writes) in one forward pass
/// with a <see cref="Utf8JsonReader"/>: reports, maps and the web view read every item of the store,
/// and the general serializer's metadata path (a property lookup and a boxed setter per value, a
/// parameterized constructor for each link) was most of their reading time. Anything it does not
/// expect (a token of another kind, a value out of range) answers null, and <see cref="StoreJson.ReadItem"/>
/// reads that document with the general serializer instead: the same items either way, which a test
/// holds for every property of <see cref="WorkItem"/>.
/// </summary>
internal static class StoredItemReader
{
    private const int MaxShared = 64;

    private const int MaxPooled = 16_384;

    [ThreadStatic]
    private static Dictionary<string, string>? _pool;

    public static WorkItem? TryRead(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject ? ReadItem(ref reader) : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static WorkItem? ReadItem(ref Utf8JsonReader reader)
    {
        string? source = null, sourceId = null, key = null, title = null, status = null;
        string? table = null, description = null, statusCode = null, resolution = null, type = null, priority = null;
        string? project = null, team = null, assignee = null, reporter = null, parent = null, epic = null, browseUrl = null;
        WorkItemKind? kind = null;
        StatusCategory? category = null;
        int? priorityRank = null;
        double? estimate = null;
        DateTimeOffset? created = null, updated = null, resolved = null, due = null;
        IReadOnlyList<string> previousKeys = [], labels = [], components = [], fixVersions = [];
        IReadOnlyList<ItemLink> links = [];
        IReadOnlyDictionary<string, string?>? fields = null;
        Removal? removed = null;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            var escaped = reader.ValueIsEscaped;
            reader.Read();
            if (escaped)
            {
                // Our writer never escapes a property name: someone else wrote this document.
                return null;
            }

            switch (name.Length)
            {
                case 2 when name.SequenceEqual("id"u8):
                case 3 when name.SequenceEqual("uid"u8):
                    reader.Skip(); // computed from source, key and source id
                    break;
                case 3 when name.SequenceEqual("key"u8): key = Text(ref reader); break;
                case 3 when name.SequenceEqual("due"u8): due = Date(ref reader); break;
                case 4 when name.SequenceEqual("kind"u8): kind = Enum<WorkItemKind>(ref reader); break;
                case 4 when name.SequenceEqual("type"u8): type = Shared(ref reader); break;
                case 4 when name.SequenceEqual("team"u8): team = Shared(ref reader); break;
                case 4 when name.SequenceEqual("epic"u8): epic = Text(ref reader); break;
                case 5 when name.SequenceEqual("table"u8): table = Shared(ref reader); break;
                case 5 when name.SequenceEqual("title"u8): title = Text(ref reader); break;
                case 5 when name.SequenceEqual("links"u8): links = Links(ref reader); break;
                case 6 when name.SequenceEqual("source"u8): source = Text(ref reader); break;
                case 6 when name.SequenceEqual("status"u8): status = Shared(ref reader); break;
                case 6 when name.SequenceEqual("labels"u8): labels = Strings(ref reader); break;
                case 6 when name.SequenceEqual("parent"u8): parent = Text(ref reader); break;
                case 6 when name.SequenceEqual("fields"u8): fields = Fields(ref reader); break;
                case 7 when name.SequenceEqual("project"u8): project = Shared(ref reader); break;
                case 7 when name.SequenceEqual("created"u8): created = Date(ref reader); break;
                case 7 when name.SequenceEqual("updated"u8): updated = Date(ref reader); break;
                case 7 when name.SequenceEqual("removed"u8): removed = Removed(ref reader); break;
                case 8 when name.SequenceEqual("sourceId"u8): sourceId = Text(ref reader); break;
                case 8 when name.SequenceEqual("category"u8): category = Enum<StatusCategory>(ref reader); break;
                case 8 when name.SequenceEqual("priority"u8): priority = Shared(ref reader); break;
                case 8 when name.SequenceEqual("assignee"u8): assignee = Shared(ref reader); break;
                case 8 when name.SequenceEqual("reporter"u8): reporter = Shared(ref reader); break;
                case 8 when name.SequenceEqual("resolved"u8): resolved = Date(ref reader); break;
                case 8 when name.SequenceEqual("estimate"u8): estimate = reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble(); break;
                case 9 when name.SequenceEqual("browseUrl"u8): browseUrl = Text(ref reader); break;
                case 10 when name.SequenceEqual("statusCode"u8): statusCode = Shared(ref reader); break;
                case 10 when name.SequenceEqual("resolution"u8): resolution = Shared(ref reader); break;
                case 10 when name.SequenceEqual("components"u8): components = Strings(ref reader); break;
                case 11 when name.SequenceEqual("description"u8): description = Text(ref reader); break;
                case 11 when name.SequenceEqual("fixVersions"u8): fixVersions = Strings(ref reader); break;
                case 12 when name.SequenceEqual("previousKeys"u8): previousKeys = Strings(ref reader); break;
                case 12 when name.SequenceEqual("priorityRank"u8): priorityRank = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32(); break;
                default:
                    // A property this build does not know: the general serializer decides what it means.
                    return null;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || source is null || sourceId is null || key is null || title is null
            || status is null || kind is null || category is null || created is null || updated is null)
        {
            return null;
        }

        return new WorkItem
        {
            Source = source,
            SourceId = sourceId,
            Key = key,
            PreviousKeys = previousKeys,
            Kind = kind.Value,
            Table = table,
            Title = title,
            Description = description,
            Status = status,
            StatusCode = statusCode,
            Category = category.Value,
            Resolution = resolution,
            Type = type,
            Priority = priority,
            PriorityRank = priorityRank,
            Project = project,
            Team = team,
            Assignee = assignee,
            Reporter = reporter,
            Labels = labels,
            Components = components,
            FixVersions = fixVersions,
            Parent = parent,
            Epic = epic,
            Links = links,
            Created = created.Value,
            Updated = updated.Value,
            Resolved = resolved,
            Due = due,
            Estimate = estimate,
            BrowseUrl = browseUrl,
            Fields = fields ?? new Dictionary<string, string?>(),
            Removed = removed,
        };
    }

    private static string? Text(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        _ => throw new JsonException("not a string"),
    };

    /// <summary>
    /// A value many items share (a status, team, label, person, field name): read once per thread and
    /// handed out again, so 300k items hold a few thousand strings rather than millions of copies.
    /// Long or escaped values are read as they are.
    /// </summary>
    private static string? Shared(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            return Text(ref reader);
        }

        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxShared)
        {
            return reader.GetString();
        }

        Span<char> chars = stackalloc char[MaxShared];
        if (System.Text.Unicode.Utf8.ToUtf16(reader.ValueSpan, chars, out _, out var written, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
        {
            return reader.GetString();
        }

        var pool = _pool ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars[..written], out var known))
        {
            return known;
        }

        var text = new string(chars[..written]);
        if (pool.Count >= MaxPooled)
        {
            pool.Clear();
        }

        pool[text] = text;
        return text;
    }

    private static DateTimeOffset? Date(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTimeOffset();

    private static T? Enum<T>(ref Utf8JsonReader reader)
        where T : struct, Enum
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        // The store writes names only (the serializer refuses numbers): a number is not ours to read.
        var name = Shared(ref reader);
        return name is not null && !int.TryParse(name, out _) && System.Enum.TryParse<T>(name, ignoreCase: true, out var value)
            ? value
            : throw new JsonException("not a known name");
    }

    private static IReadOnlyList<string> Strings(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        Expect(ref reader, JsonTokenType.StartArray);
        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(Shared(ref reader) ?? throw new JsonException("a null in a list"));
        }

        return list;
    }

    private static IReadOnlyList<ItemLink> Links(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        Expect(ref reader, JsonTokenType.StartArray);
        var list = new List<ItemLink>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartObject);
            string? type = null, targetKey = null, targetStatus = null, targetTeam = null;
            StatusCategory? targetCategory = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                if (reader.ValueIsEscaped)
                {
                    throw new JsonException("an escaped name");
                }

                reader.Read();
                if (name.SequenceEqual("type"u8))
                {
                    type = Shared(ref reader);
                }
                else if (name.SequenceEqual("targetKey"u8))
                {
                    targetKey = Text(ref reader);
                }
                else if (name.SequenceEqual("targetStatus"u8))
                {
                    targetStatus = Shared(ref reader);
                }
                else if (name.SequenceEqual("targetCategory"u8))
                {
                    targetCategory = Enum<StatusCategory>(ref reader);
                }
                else if (name.SequenceEqual("targetTeam"u8))
                {
                    targetTeam = Shared(ref reader);
                }
                else if (name.SequenceEqual("isBlockedBy"u8))
                {
                    reader.Skip(); // computed from the type
                }
                else
                {
                    throw new JsonException("an unknown link property");
                }
            }

            list.Add(new ItemLink(type ?? throw new JsonException("a link without a type"), targetKey ?? throw new JsonException("a link without a target"), targetStatus, targetCategory, targetTeam));
        }

        return list;
    }

    private static Dictionary<string, string?> Fields(ref Utf8JsonReader reader)
    {
        var fields = new Dictionary<string, string?>();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return fields;
        }

        Expect(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Shared(ref reader)!;
            reader.Read();
            fields[name] = Shared(ref reader);
        }

        return fields;
    }

    private static Removal? Removed(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject);
        RemovalReason? reason = null;
        DateTimeOffset? at = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isReason = reader.ValueTextEquals("reason"u8);
            var isAt = reader.ValueTextEquals("detectedAt"u8);
            reader.Read();
            if (isReason)
            {
                reason = Enum<RemovalReason>(ref reader);
            }
            else if (isAt)
            {
                at = Date(ref reader);
            }
            else
            {
                throw new JsonException("an unknown removal property");
            }
        }

        return reason is { } r && at is { } a ? new Removal(r, a) : throw new JsonException("an incomplete removal");
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"expected {type}, found {reader.TokenType}");
        }
    }
}
