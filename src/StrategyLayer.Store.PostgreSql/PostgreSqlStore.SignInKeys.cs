using Npgsql;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Store.PostgreSql;

public sealed partial class PostgreSqlStore
{
    /// <inheritdoc />
    public IReadOnlyList<string> SignInKeys()
    {
        using var connection = Connect();
        using var command = new NpgsqlCommand("SELECT xml FROM strategylayer.signin_keys ORDER BY id", connection);
        var elements = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            elements.Add(reader.GetString(0));
        }

        return elements;
    }

    /// <inheritdoc />
    public void AddSignInKey(string name, string xml)
    {
        ArgumentException.ThrowIfNullOrEmpty(xml);
        using var connection = Connect();
        using var command = new NpgsqlCommand("INSERT INTO strategylayer.signin_keys (name, xml) VALUES (@name, @xml)", connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("xml", xml);
        command.ExecuteNonQuery();
    }

    /// <summary>A connection opened synchronously, for the one synchronous role (<see cref="ISignInKeys"/>).</summary>
    private NpgsqlConnection Connect()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        try
        {
            return _data.OpenConnection();
        }
        catch (NpgsqlException e)
        {
            throw new StrategyLayerException($"store {Location.Display} cannot be opened: {e.Message}", ErrorKind.Runtime, Location.Display, e);
        }
    }
}
