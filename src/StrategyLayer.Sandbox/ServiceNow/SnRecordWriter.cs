using System.Text.Json;
using StrategyLayer.Sandbox.Data;

namespace StrategyLayer.Sandbox.ServiceNow;

/// <summary>Writes a row as the Table API does for each sysparm_display_value mode.</summary>
internal sealed class SnRecordWriter(string baseUrl, DisplayMode mode, bool excludeLinks, IReadOnlyList<string>? fields, SandboxFaults? faults = null)
{
    /// <summary>A lone Latin-1 é and a broken two-byte sequence: text that is not UTF-8, as some instances send.</summary>
    private static readonly byte[] NotUtf8 = [0xE9, 0xC3, 0x28];

    /// <summary>Whether the record being written is one of <see cref="SandboxFaults.GarbledText"/>.</summary>
    private bool garbled;

    public void Write(Utf8JsonWriter w, SnRecord record)
    {
        var number = record.Get("number")?.Value;
        if (number is not null && faults?.Unreadable.Contains(number) == true)
        {
            record = Replace(record, "opened_at", "not a date");
        }

        garbled = number is not null && faults?.GarbledText.Contains(number) == true;

        w.WriteStartObject();
        if (fields is null)
        {
            foreach (var f in record.Fields)
            {
                WriteField(w, f);
            }
        }
        else
        {
            foreach (var name in fields)
            {
                if (record.Get(name) is { } f)
                {
                    WriteField(w, f);
                }
            }
        }

        w.WriteEndObject();
    }

    private static SnRecord Replace(SnRecord record, string name, string value) =>
        new([.. record.Fields.Select(f => string.Equals(f.Name, name, StringComparison.Ordinal) ? f with { Value = value, Display = value } : f)]);

    /// <summary>A string value; the short description of a garbled record ends with bytes that are not UTF-8.</summary>
    private void WriteText(Utf8JsonWriter w, string name, string text, SnField f)
    {
        w.WritePropertyName(name);
        if (garbled && f.Name == "short_description")
        {
            var raw = new List<byte>();
            raw.Add((byte)'"');
            raw.AddRange(System.Text.Encoding.UTF8.GetBytes(JsonEncodedText.Encode(text).Value + " "));
            raw.AddRange(NotUtf8);
            raw.Add((byte)'"');
            w.WriteRawValue(raw.ToArray(), skipInputValidation: true);
        }
        else
        {
            w.WriteStringValue(text);
        }
    }

    private void WriteField(Utf8JsonWriter w, SnField f)
    {
        var link = f.RefTable is not null && f.Value.Length > 0 && !excludeLinks
            ? baseUrl + "/api/now/table/" + f.RefTable + "/" + f.Value
            : null;
        switch (mode)
        {
            case DisplayMode.All:
                w.WriteStartObject(f.Name);
                WriteText(w, "display_value", f.Display, f);
                WriteText(w, "value", f.Value, f);
                if (link is not null)
                {
                    w.WriteString("link", link);
                }

                w.WriteEndObject();
                break;
            case DisplayMode.Display when link is not null:
                w.WriteStartObject(f.Name);
                w.WriteString("display_value", f.Display);
                w.WriteString("link", link);
                w.WriteEndObject();
                break;
            case DisplayMode.Display:
                WriteText(w, f.Name, f.Display, f);
                break;
            case DisplayMode.Value when link is not null:
                w.WriteStartObject(f.Name);
                w.WriteString("link", link);
                w.WriteString("value", f.Value);
                w.WriteEndObject();
                break;
            default:
                WriteText(w, f.Name, f.Value, f);
                break;
        }
    }
}
