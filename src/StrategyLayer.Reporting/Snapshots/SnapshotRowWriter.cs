using System.IO.Compression;
using System.Text.Json;

namespace StrategyLayer.Reporting.Snapshots;

/// <summary>Writes rows as Brotli-compressed JSON lines while items stream past (bounded memory).</summary>
internal sealed class SnapshotRowWriter : IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly MemoryStream buffer = new();
    private readonly BrotliStream brotli;
    private readonly Utf8JsonWriter json;
    private bool finished;

    public SnapshotRowWriter()
    {
        brotli = new BrotliStream(buffer, CompressionLevel.Optimal, leaveOpen: true);
        json = new Utf8JsonWriter(brotli);
    }

    public int Count { get; private set; }

    public void Add(SnapshotRow row)
    {
        JsonSerializer.Serialize(json, row, SnapshotService.Json);
        json.Flush();
        json.Reset();
        brotli.Write(NewLine);
        Count++;
    }

    public byte[] Finish()
    {
        Close();
        return buffer.ToArray();
    }

    public void Dispose()
    {
        Close();
        buffer.Dispose();
    }

    private void Close()
    {
        if (!finished)
        {
            finished = true;
            json.Dispose();
            brotli.Dispose();
        }
    }
}
