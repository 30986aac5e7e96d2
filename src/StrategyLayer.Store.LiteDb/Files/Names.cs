namespace StrategyLayer.Store.LiteDb.Files;

/// <summary>Collection and field names in the LiteDB file (short: they are stored in every document).</summary>
internal static class Names
{
    public const string Items = "items";
    public const string Raw = "raw";
    public const string Keys = "keys";
    public const string Quarantine = "quarantine";
    public const string TextFixes = "textfix";
    public const string Cursors = "cursors";
    public const string Mappings = "mappings";
    public const string Snapshots = "snapshots";
    public const string SnapshotRows = "snaprows";
    public const string Runs = "runs";
    public const string Outbox = "outbox";
    public const string Meta = "meta";
    public const string Counts = "counts";
    public const string LinkHistory = "linkseen";
    public const string SignInKeys = "signinkeys";
    /// <summary>Schema 3's one state document per item: dropped by the upgrade to schema 4.</summary>
    public const string States = "states";
    public const string StateLog = "statelog";

    public const string Id = "_id";
    public const string Source = "src";
    public const string Partition = "part";
    public const string Key = "k";
    public const string PreviousKeys = "pk";
    public const string Team = "team";
    public const string Removed = "rm";
    public const string Updated = "upd";
    public const string Hash = "h";
    public const string Json = "j";
    public const string Packed = "z";
    public const string Uid = "u";
    public const string BareKey = "b";
    public const string KeyIndex = "lk";
    public const string Started = "started";
    public const string Job = "job";
    public const string State = "state";
    public const string Value = "v";
    public const string Links = "l";
    public const string Seen = "t";
    public const string Page = "pg";
    public const string Since = "since";
    public const string Fields = "fs";
    public const string Name = "n";
    public const string Entries = "n";
}
