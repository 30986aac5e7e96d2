using System.Text.Json;
using StrategyLayer.Sandbox.Data;

namespace StrategyLayer.Sandbox.ServiceNow;

/// <summary>Writes a row as the Table API does for each sysparm_display_value mode.</summary>
internal sealed class SnRecordWriter(string baseUrl, DisplayMode mode, bool excludeLinks, IReadOnlyList<string>? fields)
{
    public void Write(Utf8JsonWriter w, SnRecord record)
    {
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

    private void WriteField(Utf8JsonWriter w, SnField f)
    {
        var link = f.RefTable is not null && f.Value.Length > 0 && !excludeLinks
            ? baseUrl + "/api/now/table/" + f.RefTable + "/" + f.Value
            : null;
        switch (mode)
        {
            case DisplayMode.All:
                w.WriteStartObject(f.Name);
                w.WriteString("display_value", f.Display);
                w.WriteString("value", f.Value);
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
                w.WriteString(f.Name, f.Display);
                break;
            case DisplayMode.Value when link is not null:
                w.WriteStartObject(f.Name);
                w.WriteString("link", link);
                w.WriteString("value", f.Value);
                w.WriteEndObject();
                break;
            default:
                w.WriteString(f.Name, f.Value);
                break;
        }
    }
}
