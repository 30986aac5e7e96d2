using LiteDB;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Store.LiteDb.Locking;

namespace StrategyLayer.Store.LiteDb.Files;

/// <summary>
/// One LiteDB file (Direct mode, this process only), guarded by a lock file beside it, with its
/// collections: <c>items</c> (by uid, compact JSON plus indexed scalars), <c>raw</c> (compressed source
/// JSON), <c>keys</c> (old <c>source:key</c> → uid: aliases of moved items; current keys are an index on
/// items), <c>quarantine</c>, <c>cursors</c>, <c>mappings</c>, <c>snapshots</c> (+ <c>snaprows</c>
/// chunks), <c>runs</c>, <c>outbox</c>, <c>meta</c> (schema version and named values), <c>counts</c>
/// (items per source), <c>textfix</c> (items stored with replaced text), <c>linkseen</c> (when each
/// item's dependencies were first seen), <c>signinkeys</c> (the web view's sign-in keys, in the order
/// added), <c>states</c> (each item's hash and updated time: what a sync compares). Every write goes through <see cref="Write{T}"/>: one transaction, then what
/// <see cref="LiteDurability"/> asks for.
/// </summary>
internal sealed class LiteFile : IDisposable
{
    private readonly LiteDatabase _db;
    private readonly StoreLock _lock;
    private readonly LiteDurability _durability;

    // One engine call at a time in this process, in the order they came (LiteDB 5.0.20's page-cache
    // race, litedb-org/LiteDB#2817; see Read).
    private readonly EngineTurns _turns = new();
    private readonly ILiteCollection<BsonDocument> _items;
    private readonly ILiteCollection<BsonDocument> _raw;
    private readonly ILiteCollection<BsonDocument> _keys;
    private readonly ILiteCollection<BsonDocument> _quarantine;
    private readonly ILiteCollection<BsonDocument> _textFixes;
    private readonly ILiteCollection<BsonDocument> _cursors;
    private readonly ILiteCollection<BsonDocument> _mappings;
    private readonly ILiteCollection<BsonDocument> _snapshots;
    private readonly ILiteCollection<BsonDocument> _snapshotRows;
    private readonly ILiteCollection<BsonDocument> _runs;
    private readonly ILiteCollection<BsonDocument> _outbox;
    private readonly ILiteCollection<BsonDocument> _meta;
    private readonly ILiteCollection<BsonDocument> _counts;
    private readonly ILiteCollection<BsonDocument> _linkHistory;
    private readonly ILiteCollection<BsonDocument> _signInKeys;
    private readonly ILiteCollection<BsonDocument> _stateLog;
    private bool _disposed;

    private LiteFile(string path, string displayPath, LiteDatabase db, StoreLock storeLock, LiteStoreOptions options)
    {
        Path = path;
        DisplayPath = displayPath;
        _db = db;
        _lock = storeLock;
        _durability = options.Durability;
        Time = options.TimeProvider;
        Upgrading = options.Upgrading;
        _items = db.GetCollection(Names.Items);
        _raw = db.GetCollection(Names.Raw);
        _keys = db.GetCollection(Names.Keys);
        _quarantine = db.GetCollection(Names.Quarantine);
        _textFixes = db.GetCollection(Names.TextFixes);
        _cursors = db.GetCollection(Names.Cursors);
        _mappings = db.GetCollection(Names.Mappings);
        _snapshots = db.GetCollection(Names.Snapshots);
        _snapshotRows = db.GetCollection(Names.SnapshotRows);
        _runs = db.GetCollection(Names.Runs);
        _outbox = db.GetCollection(Names.Outbox);
        _meta = db.GetCollection(Names.Meta);
        _counts = db.GetCollection(Names.Counts);
        _linkHistory = db.GetCollection(Names.LinkHistory);
        _signInKeys = db.GetCollection(Names.SignInKeys, BsonAutoId.Int32);
        _stateLog = db.GetCollection(Names.StateLog);
    }

    public string Path { get; }

    /// <summary>The path as the caller gave it, for messages.</summary>
    public string DisplayPath { get; }

    public TimeProvider Time { get; }

    /// <summary>Told when opening upgrades the schema (see <see cref="LiteStoreOptions.Upgrading"/>).</summary>
    public Action<string>? Upgrading { get; }

    public LockHolder Holder => _lock.Holder;

    public ILiteCollection<BsonDocument> Items => Guarded(_items);

    public ILiteCollection<BsonDocument> Raw => Guarded(_raw);

    public ILiteCollection<BsonDocument> Keys => Guarded(_keys);

    public ILiteCollection<BsonDocument> Quarantine => Guarded(_quarantine);

    public ILiteCollection<BsonDocument> TextFixes => Guarded(_textFixes);

    public ILiteCollection<BsonDocument> Cursors => Guarded(_cursors);

    public ILiteCollection<BsonDocument> Mappings => Guarded(_mappings);

    public ILiteCollection<BsonDocument> Snapshots => Guarded(_snapshots);

    public ILiteCollection<BsonDocument> SnapshotRows => Guarded(_snapshotRows);

    public ILiteCollection<BsonDocument> Runs => Guarded(_runs);

    public ILiteCollection<BsonDocument> Outbox => Guarded(_outbox);

    public ILiteCollection<BsonDocument> Meta => Guarded(_meta);

    public ILiteCollection<BsonDocument> Counts => Guarded(_counts);

    public ILiteCollection<BsonDocument> LinkHistory => Guarded(_linkHistory);

    public ILiteCollection<BsonDocument> SignInKeys => Guarded(_signInKeys);

    public ILiteCollection<BsonDocument> StateLog => Guarded(_stateLog);

    /// <summary>A collection by name: the schema's upgrades read retired ones.</summary>
    public ILiteCollection<BsonDocument> Collection(string name) => Guarded(_db).GetCollection(name);

    /// <summary>Drops a retired collection if the file still has it (LiteDB drops in a transaction of its own).</summary>
    public bool DropIfPresent(string name) => Guarded(_db).CollectionExists(name) && _db.DropCollection(name);

    /// <summary>
    /// Opens (creating folder and file when missing) and locks the file. Throws
    /// <see cref="StoreLockedException"/> when another process holds it, a
    /// <see cref="StrategyLayerException"/> of kind Usage when a newer version wrote it, and of kind
    /// Runtime when the file is not a readable store.
    /// </summary>
    public static LiteFile Open(string path, LiteStoreOptions options)
    {
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
            db = FileHeader.OpenDatabase(full, path);
            db.CheckpointSize = options.CheckpointPages;
            var file = new LiteFile(full, path, db, storeLock, options);
            file._turns.Run(() =>
            {
                Schema.EnsureCurrent(file);
                return true;
            });

            return file;
        }
        catch
        {
            db?.Dispose();
            storeLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="read"/> (synchronous LiteDB reads, materialised before it returns) alone in
    /// the engine: it waits for the write transaction under way, if any, and for other reads.
    /// </summary>
    /// <remarks>
    /// LiteDB 5.0.20's page cache can hand a reader a page buffer that another call is recycling at the
    /// same moment (litedb-org/LiteDB#2817: any call that needs a free page may recycle, a reader's as
    /// well as the writer's); one of its own checks then fails and the engine refuses every later
    /// call. The cure on our side is that no two calls ever run in the engine at once, taken in the
    /// order they came (<see cref="EngineTurns"/>): a read waits for the commit under way and the calls
    /// queued before it, never for the writer's next commit. A read costs at
    /// most the wait for one commit (a batch), which the web view's pages can afford, and LiteDB's reads
    /// are CPU-bound on one file, so little parallelism is lost. Every collection refuses to be touched
    /// outside <see cref="Read{T}"/> and <see cref="Write{T}"/>.
    /// </remarks>
    public T Read<T>(Func<T> read)
    {
        ThrowIfDisposed();
        return _turns.Run(read);
    }

    /// <summary>Runs <paramref name="work"/> in one LiteDB transaction: all of it is committed, or none; then makes it as durable as configured.</summary>
    /// <remarks>
    /// LiteDB binds a transaction to the calling thread: <paramref name="work"/> must not await.
    /// Readers wait for the whole of it (see <see cref="Read{T}"/>).
    /// </remarks>
    public T Write<T>(Func<T> work)
    {
        ThrowIfDisposed();
        return _turns.Run(() => WriteAlone(work));
    }

    private T WriteAlone<T>(Func<T> work)
    {
        _db.BeginTrans();
        T result;
        try
        {
            result = work();
            _db.Commit();
        }
        catch (Exception failure)
        {
            try
            {
                _db.Rollback();
            }
            catch (Exception rollback)
            {
                // LiteDB refuses every call once one of its own checks failed (a rollback too): the
                // first failure is the one to tell, and the file must be opened again.
                throw new StrategyLayerException($"store {DisplayPath}: the LiteDB engine failed ({failure.Message}) and then refused the rollback ({rollback.Message}); the batch was not committed; open the store again", ErrorKind.Runtime, DisplayPath, failure);
            }

            throw;
        }

        Settle();
        return result;
    }

    /// <summary>
    /// Waits, as <see cref="LiteDurability"/> asks, for what was committed to reach the disk.
    /// LiteDB's <c>Commit()</c> only queues the transaction's pages for its log writer thread; its
    /// checkpoint waits for that queue to drain, copies the log into the data file, flushes the data
    /// file to the disk (fsync) and only then empties the log.
    /// </summary>
    private void Settle()
    {
        if (_durability == LiteDurability.Checkpointed)
        {
            _db.Checkpoint();
        }
    }

    private T Guarded<T>(T collection) => _turns.IsHeldByCurrentThread
        ? collection
        : throw new InvalidOperationException($"store {DisplayPath}: LiteDB was called outside LiteFile.Read/Write (litedb-org/LiteDB#2817: no two calls may run in the engine at once)");

    public void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            _turns.Run(() =>
            {
                _db.Dispose();
                return true;
            });
        }
        finally
        {
            _lock.Dispose();
        }
    }
}
