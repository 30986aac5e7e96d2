using System.Text.Encodings.Web;
using System.Text.Json;

namespace StrategyLayer.Sandbox.Http;

/// <summary>Writes JSON bodies straight to the response, as the vendors send them (markup in text is not escaped away).</summary>
internal static class JsonOut
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };

    public static async Task WriteAsync(HttpContext ctx, int status, Action<Utf8JsonWriter> body, string contentType = "application/json;charset=UTF-8")
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        await using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            body(w);
        }

        await ctx.Response.Body.WriteAsync(buffer.WrittenMemory, ctx.RequestAborted);
    }

    public static Task JiraErrorAsync(HttpContext ctx, int status, string message) => WriteAsync(ctx, status, w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("errorMessages");
        w.WriteStringValue(message);
        w.WriteEndArray();
        w.WriteStartObject("errors");
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static Task ServiceNowErrorAsync(HttpContext ctx, int status, string message, string? detail) => WriteAsync(ctx, status, w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("error");
        w.WriteString("message", message);
        if (detail is null)
        {
            w.WriteNull("detail");
        }
        else
        {
            w.WriteString("detail", detail);
        }

        w.WriteEndObject();
        w.WriteString("status", "failure");
        w.WriteEndObject();
    });

    /// <summary>Reads a JSON request body; null when there is none. Throws <see cref="JsonException"/> with line and position.</summary>
    public static async Task<JsonDocument?> ReadAsync(HttpContext ctx)
    {
        if (ctx.Request.ContentLength == 0)
        {
            return null;
        }

        using var ms = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(ms, ctx.RequestAborted);
        return ms.Length == 0 ? null : JsonDocument.Parse(ms.ToArray());
    }
}
