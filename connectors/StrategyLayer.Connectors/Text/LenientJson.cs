using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Connectors.Text;

/// <summary>
/// JSON text as instances send it. Jira (Java) can escape a lone UTF-16 surrogate (<c>"\ud800"</c>)
/// and ServiceNow answers have held bytes that are not UTF-8: System.Text.Json parses both, then
/// throws when such a string is read. This finds them cheaply and rewrites a record with U+FFFD in
/// place of what cannot be read, naming every field it changed.
/// </summary>
public static class LenientJson
{
    public const string LoneSurrogate = "the text held a lone UTF-16 surrogate; stored with U+FFFD in its place";
    public const string InvalidUtf8 = "the text held bytes that are not UTF-8; stored with U+FFFD in their place";

    private static readonly UTF8Encoding Replacing = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// False when every string of the element is certainly readable: its bytes are UTF-8 and it holds
    /// no escaped surrogate. One vectorized pass over the raw bytes; a record that passes costs nothing more.
    /// </summary>
    public static bool MayNeedRepair(JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        return !Utf8.IsValid(raw) || HasSurrogateEscape(raw);
    }

    /// <summary>
    /// A copy of the element in which every string (and property name) that cannot be read holds
    /// U+FFFD in place of the unreadable part, with the JSON path of each one changed
    /// (<see cref="RepairedJson.Damage"/>; empty when nothing needed it).
    /// </summary>
    public static RepairedJson Repair(JsonElement element)
    {
        var damage = new List<ReplacedText>();
        var buffer = new ArrayBufferWriter<byte>(JsonMarshal.GetRawUtf8Value(element).Length + 16);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, element, "", damage);
        }

        return new RepairedJson(JsonDocument.Parse(buffer.WrittenMemory.ToArray()), damage);
    }

    /// <summary>A string value, read leniently: what cannot be read becomes U+FFFD instead of an exception.</summary>
    public static string GetString(JsonElement value)
    {
        try
        {
            return value.GetString() ?? "";
        }
        catch (InvalidOperationException) when (value.ValueKind == JsonValueKind.String)
        {
            return Decode(Inner(JsonMarshal.GetRawUtf8Value(value)), out _);
        }
    }

    /// <summary>The element as compact JSON text, unreadable strings replaced (what is kept of a quarantined record).</summary>
    public static string ToJsonText(JsonElement element)
    {
        try
        {
            return JsonSerializer.Serialize(element);
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException)
        {
            using var repaired = Repair(element);
            return JsonSerializer.Serialize(repaired.Root);
        }
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element, string path, List<ReplacedText> damage)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    var name = Decode(Inner(JsonMarshal.GetRawUtf8PropertyName(property)), out var nameProblem);
                    var at = path.Length == 0 ? name : path + "." + name;
                    if (nameProblem is not null)
                    {
                        damage.Add(new ReplacedText(at, "the field name: " + nameProblem));
                    }

                    writer.WritePropertyName(name);
                    Write(writer, property.Value, at, damage);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item, $"{path}[{index++}]", damage);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                var text = Decode(Inner(JsonMarshal.GetRawUtf8Value(element)), out var problem);
                if (problem is not null)
                {
                    damage.Add(new ReplacedText(path, problem));
                }

                writer.WriteStringValue(text);
                break;
            default:
                // Numbers, true, false and null are ASCII: copied as they came.
                writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(element), skipInputValidation: true);
                break;
        }
    }

    /// <summary>The bytes between the quotes of a raw string token.</summary>
    private static ReadOnlySpan<byte> Inner(ReadOnlySpan<byte> raw) =>
        raw.Length >= 2 && raw[0] == (byte)'"' && raw[^1] == (byte)'"' ? raw[1..^1] : raw;

    /// <summary>
    /// Unescapes a JSON string's bytes: a lone surrogate escape becomes U+FFFD, and so does every
    /// byte sequence that is not UTF-8. <paramref name="problem"/> says which, or null when neither.
    /// </summary>
    private static string Decode(ReadOnlySpan<byte> escaped, out string? problem)
    {
        var bytes = new byte[escaped.Length + 8];
        var length = 0;
        var lone = false;
        for (var i = 0; i < escaped.Length; i++)
        {
            var b = escaped[i];
            if (b != (byte)'\\' || i + 1 >= escaped.Length)
            {
                Put(ref bytes, ref length, b);
                continue;
            }

            var e = escaped[++i];
            switch (e)
            {
                case (byte)'b': Put(ref bytes, ref length, 8); break;
                case (byte)'f': Put(ref bytes, ref length, 12); break;
                case (byte)'n': Put(ref bytes, ref length, 10); break;
                case (byte)'r': Put(ref bytes, ref length, 13); break;
                case (byte)'t': Put(ref bytes, ref length, 9); break;
                case (byte)'u' when TryHex(escaped, i + 1, out var unit):
                    i += 4;
                    int codePoint = unit;
                    if (char.IsHighSurrogate((char)unit) && i + 2 < escaped.Length && escaped[i + 1] == (byte)'\\' && escaped[i + 2] == (byte)'u'
                        && TryHex(escaped, i + 3, out var low) && char.IsLowSurrogate((char)low))
                    {
                        codePoint = char.ConvertToUtf32((char)unit, (char)low);
                        i += 6;
                    }
                    else if (char.IsSurrogate((char)unit))
                    {
                        codePoint = 0xFFFD;
                        lone = true;
                    }

                    PutCodePoint(ref bytes, ref length, codePoint);
                    break;
                default:
                    // \" \\ \/ (and anything else the parser let through) stand for themselves.
                    Put(ref bytes, ref length, e);
                    break;
            }
        }

        var span = bytes.AsSpan(0, length);
        var invalid = !Utf8.IsValid(span);
        problem = (lone, invalid) switch
        {
            (true, true) => LoneSurrogate + "; " + InvalidUtf8,
            (true, false) => LoneSurrogate,
            (false, true) => InvalidUtf8,
            _ => null,
        };
        return Replacing.GetString(span);
    }

    private static void Put(ref byte[] bytes, ref int length, byte b)
    {
        if (length == bytes.Length)
        {
            Array.Resize(ref bytes, bytes.Length * 2);
        }

        bytes[length++] = b;
    }

    private static void PutCodePoint(ref byte[] bytes, ref int length, int codePoint)
    {
        Span<byte> utf8 = stackalloc byte[4];
        var written = new Rune(codePoint).EncodeToUtf8(utf8);
        foreach (var b in utf8[..written])
        {
            Put(ref bytes, ref length, b);
        }
    }

    private static bool TryHex(ReadOnlySpan<byte> text, int start, out int value)
    {
        value = 0;
        if (start + 4 > text.Length)
        {
            return false;
        }

        for (var k = 0; k < 4; k++)
        {
            var digit = HexDigit(text[start + k]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    /// <summary>Whether <c>\uD800</c>–<c>\uDFFF</c> is escaped anywhere (a pair is found too: harmless, it only asks for a closer look).</summary>
    private static bool HasSurrogateEscape(ReadOnlySpan<byte> raw)
    {
        var at = 0;
        while (true)
        {
            var next = raw[at..].IndexOf("\\u"u8);
            if (next < 0)
            {
                return false;
            }

            at += next + 2;
            if (at + 1 < raw.Length && (raw[at] | 0x20) == 'd' && HexDigit(raw[at + 1]) is >= 8)
            {
                return true;
            }
        }
    }
}
