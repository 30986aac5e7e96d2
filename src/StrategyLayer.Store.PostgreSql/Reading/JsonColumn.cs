using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Npgsql;

namespace StrategyLayer.Store.PostgreSql.Reading;

/// <summary>The documents a query returns in its first column (<c>SELECT json …</c>), in row order.</summary>
internal static class JsonColumn
{
    public static async Task<List<T>> ReadAllAsync<T>(NpgsqlCommand command, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var documents = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (JsonSerializer.Deserialize(reader.GetFieldValue<byte[]>(0), type) is { } document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }
}
