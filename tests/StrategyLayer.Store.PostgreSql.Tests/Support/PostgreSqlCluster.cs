using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace StrategyLayer.Tests.Support;

/// <summary>
/// A private PostgreSQL cluster for one test collection: <c>initdb</c> into a temporary folder,
/// <c>pg_ctl start</c> on a free loopback port with its socket in that folder, no systemd and no
/// Docker; stopped and deleted at the end. As root, both run as the <c>postgres</c> OS user (the
/// server refuses root), so the folder is handed to that user. Needs Debian's <c>postgresql</c>
/// (scripts/test.sh installs it). fsync is off: a test kills our processes, never the machine.
/// </summary>
public sealed class PostgreSqlCluster : IAsyncLifetime
{
    private const string ServerUser = "postgres";
    private int _databases;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "sl-pg-" + Guid.NewGuid().ToString("N")[..10]);

    public string DataFolder => Path.Combine(Folder, "data");

    public int Port { get; private set; }

    /// <summary>The server's <c>bin</c> folder (the newest installed major version).</summary>
    public static string? BinFolder =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    /// <summary>The maintenance database's URI (superuser, trust authentication).</summary>
    public string AdminUri => Uri("postgres");

    public string Uri(string database) => $"postgresql://{ServerUser}@127.0.0.1:{Port}/{database}";

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username={ServerUser};Database={database};Pooling=false";

    public async Task InitializeAsync()
    {
        var bin = BinFolder ?? throw new InvalidOperationException(
            "PostgreSQL's server binaries are not installed (/usr/lib/postgresql/N/bin/initdb): run scripts/test.sh, or apt-get install -y postgresql");
        Directory.CreateDirectory(Folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", [ServerUser + ":", Folder], asServerUser: false);
        }

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", DataFolder, "-A", "trust", "-U", ServerUser, "-E", "UTF8", "--no-sync"], asRoot);

        // A port that was free a moment ago may be taken by the time the server binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var options = $"-c listen_addresses=127.0.0.1 -p {Port} -k {Folder} -c fsync=off -c full_page_writes=off -c max_connections=200";
            try
            {
                await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", DataFolder, "-o", options, "-l", Path.Combine(Folder, "server.log"), "-w", "-t", "60", "start"], asRoot);
                break;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Creates a fresh, empty database and returns its URI.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        var name = prefix + "_" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..6];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return Uri(name);
    }

    public async Task DisposeAsync()
    {
        if (BinFolder is { } bin && File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            try
            {
                await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "stop"], Environment.UserName == "root");
            }
            catch (InvalidOperationException)
            {
                // Deleting the folder below is all that is left to do.
            }
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> args, bool asServerUser)
    {
        var info = new ProcessStartInfo(asServerUser ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (asServerUser)
        {
            foreach (var a in new[] { "-u", ServerUser, "--", program })
            {
                info.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await stdout}{await stderr}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
