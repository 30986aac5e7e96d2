using LiteDB;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Store;

/// <summary>
/// The store on one LiteDB file (Direct mode, this process only), guarded by a lock file beside it.
/// Collections: <c>items</c> (by uid, compact JSON plus indexed scalars), <c>raw</c> (compressed source
/// JSON), <c>keys</c> (old <c>source:key</c> → uid: aliases of moved items; current keys are an index on items), <c>quarantine</c>,
/// <c>cursors</c>, <c>mappings</c>, <c>snapshots</c> (+ <c>snaprows</c> chunks), <c>runs</c>,
/// <c>outbox</c>, <c>meta</c> (schema version and named values), <c>counts</c> (items per source).
/// </summary>
public sealed partial class LiteStrategyStore : IStrategyStore
{
    /// <summary>The schema this build writes and the newest it reads.</summary>
    public const int SchemaVersion = 2;

    private const string SchemaKey = "schemaVersion";
    private const int PageSize = 8192;
    private const int HeaderOffset = 32;
    private static readonly byte[] HeaderText = "** This is a LiteDB file **"u8.ToArray();

    private readonly LiteDatabase _db;
    private readonly StoreLock _lock;
    private readonly TimeProvider _time;
    private readonly ILiteCollection<BsonDocument> _items;
    private readonly ILiteCollection<BsonDocument> _raw;
    private readonly ILiteCollection<BsonDocument> _keys;
    private readonly ILiteCollection<BsonDocument> _quarantine;
    private readonly ILiteCollection<BsonDocument> _cursors;
    private readonly ILiteCollection<BsonDocument> _mappings;
    private readonly ILiteCollection<BsonDocument> _snapshots;
    private readonly ILiteCollection<BsonDocument> _snapshotRows;
    private readonly ILiteCollection<BsonDocument> _runs;
    private readonly ILiteCollection<BsonDocument> _outbox;
    private readonly ILiteCollection<BsonDocument> _meta;
    private readonly ILiteCollection<BsonDocument> _counts;
    private bool _disposed;
    private long _writes;

    private LiteStrategyStore(string path, string displayPath, LiteDatabase db, StoreLock storeLock, TimeProvider time)
    {
        Path = path;
        DisplayPath = displayPath;
        _db = db;
        _lock = storeLock;
        _time = time;
        _items = db.GetCollection(Names.Items);
        _raw = db.GetCollection(Names.Raw);
        _keys = db.GetCollection(Names.Keys);
        _quarantine = db.GetCollection(Names.Quarantine);
        _cursors = db.GetCollection(Names.Cursors);
        _mappings = db.GetCollection(Names.Mappings);
        _snapshots = db.GetCollection(Names.Snapshots);
        _snapshotRows = db.GetCollection(Names.SnapshotRows);
        _runs = db.GetCollection(Names.Runs);
        _outbox = db.GetCollection(Names.Outbox);
        _meta = db.GetCollection(Names.Meta);
        _counts = db.GetCollection(Names.Counts);
    }

    /// <inheritdoc />
    public string Path { get; }

    /// <summary>The path as the caller gave it, for messages.</summary>
    public string DisplayPath { get; }

    /// <summary>Item and raw-record documents written since this store was opened (a bench's <c>resync.writes</c>).</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Who holds the store: this process.</summary>
    public LockHolder Holder => _lock.Holder;

    /// <summary>
    /// Opens (creating folder and file when missing) and locks the store. Throws
    /// <see cref="StoreLockedException"/> when another process holds it, a
    /// <see cref="StrategyLayerException"/> of kind Usage when a newer version wrote it, and of kind
    /// Runtime when the file is not a readable store.
    /// </summary>
    public static LiteStrategyStore Open(string path, StoreOpenOptions? options = null)
    {
        options ??= StoreOpenOptions.Default;
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full);
        StoreLock storeLock;
        try
        {
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            storeLock = StoreLock.Acquire(full, path, options.LockTimeout, options.TimeProvider);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException && e is not StrategyLayerException)
        {
            throw new StrategyLayerException($"store {path} cannot be opened: {e.Message}", ErrorKind.Runtime, path, e);
        }

        LiteDatabase? db = null;
        try
        {
            db = OpenDatabase(full, path);
            db.CheckpointSize = options.CheckpointPages;
            var store = new LiteStrategyStore(full, path, db, storeLock, options.TimeProvider);
            store.Prepare();
            return store;
        }
        catch
        {
            db?.Dispose();
            storeLock.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            _db.Dispose();
        }
        finally
        {
            _lock.Dispose();
        }
    }

    private void EnsureIndexes()
    {
        // Items by source are a range of _id (uids start with "source/"), and counts are counters:
        // the secondary indexes on items are the team's and the key's (any case). Every index costs
        // on every insert.
        _items.EnsureIndex(Names.Team, "$." + Names.Team);
        _items.EnsureIndex(Names.KeyIndex, KeyExpression);
        _keys.EnsureIndex(Names.BareKey, "$." + Names.BareKey);
        _quarantine.EnsureIndex(Names.Source, "$." + Names.Source);
        _runs.EnsureIndex(Names.Started, "$." + Names.Started);
        _outbox.EnsureIndex(Names.State, "$." + Names.State);
    }

    /// <summary>The items' key, in lower case: what the key index holds.</summary>
    private const string KeyExpression = "LOWER($." + Names.Key + ")";

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>Runs <paramref name="work"/> in one LiteDB transaction: all of it is committed, or none.</summary>
    private T InTransaction<T>(Func<T> work)
    {
        ThrowIfDisposed();
        _db.BeginTrans();
        try
        {
            var result = work();
            _db.Commit();
            return result;
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    }
}
