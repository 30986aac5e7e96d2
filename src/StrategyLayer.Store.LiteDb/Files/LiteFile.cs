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
/// added). Every write goes through <see cref="Write{T}"/>: one transaction, then what
/// <see cref="LiteDurability"/> asks for.
/// </summary>
internal sealed class LiteFile : IDisposable
{
    private readonly LiteDatabase _db;
    private readonly StoreLock _lock;
    private readonly LiteDurability _durability;
    private bool _disposed;

    private LiteFile(string path, string displayPath, LiteDatabase db, StoreLock storeLock, LiteStoreOptions options)
    {
        Path = path;
        DisplayPath = displayPath;
        _db = db;
        _lock = storeLock;
        _durability = options.Durability;
        Time = options.TimeProvider;
        Items = db.GetCollection(Names.Items);
        Raw = db.GetCollection(Names.Raw);
        Keys = db.GetCollection(Names.Keys);
        Quarantine = db.GetCollection(Names.Quarantine);
        TextFixes = db.GetCollection(Names.TextFixes);
        Cursors = db.GetCollection(Names.Cursors);
        Mappings = db.GetCollection(Names.Mappings);
        Snapshots = db.GetCollection(Names.Snapshots);
        SnapshotRows = db.GetCollection(Names.SnapshotRows);
        Runs = db.GetCollection(Names.Runs);
        Outbox = db.GetCollection(Names.Outbox);
        Meta = db.GetCollection(Names.Meta);
        Counts = db.GetCollection(Names.Counts);
        LinkHistory = db.GetCollection(Names.LinkHistory);
        SignInKeys = db.GetCollection(Names.SignInKeys, BsonAutoId.Int32);
    }

    public string Path { get; }

    /// <summary>The path as the caller gave it, for messages.</summary>
    public string DisplayPath { get; }

    public TimeProvider Time { get; }

    public LockHolder Holder => _lock.Holder;

    public ILiteCollection<BsonDocument> Items { get; }

    public ILiteCollection<BsonDocument> Raw { get; }

    public ILiteCollection<BsonDocument> Keys { get; }

    public ILiteCollection<BsonDocument> Quarantine { get; }

    public ILiteCollection<BsonDocument> TextFixes { get; }

    public ILiteCollection<BsonDocument> Cursors { get; }

    public ILiteCollection<BsonDocument> Mappings { get; }

    public ILiteCollection<BsonDocument> Snapshots { get; }

    public ILiteCollection<BsonDocument> SnapshotRows { get; }

    public ILiteCollection<BsonDocument> Runs { get; }

    public ILiteCollection<BsonDocument> Outbox { get; }

    public ILiteCollection<BsonDocument> Meta { get; }

    public ILiteCollection<BsonDocument> Counts { get; }

    public ILiteCollection<BsonDocument> LinkHistory { get; }

    public ILiteCollection<BsonDocument> SignInKeys { get; }

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
            Schema.EnsureCurrent(file);
            return file;
        }
        catch
        {
            db?.Dispose();
            storeLock.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in one LiteDB transaction: all of it is committed, or none; then makes it as durable as configured.</summary>
    /// <remarks>
    /// LiteDB binds a transaction to the calling thread: <paramref name="work"/> must not await.
    /// </remarks>
    public T Write<T>(Func<T> work)
    {
        ThrowIfDisposed();
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
            _db.Dispose();
        }
        finally
        {
            _lock.Dispose();
        }
    }
}
