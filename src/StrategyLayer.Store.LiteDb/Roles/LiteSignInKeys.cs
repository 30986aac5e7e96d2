using LiteDB;
using StrategyLayer.Store.LiteDb.Files;

namespace StrategyLayer.Store.LiteDb.Roles;

/// <summary><see cref="ISignInKeys"/> on the file's <c>signinkeys</c> collection, numbered in the order added (no schema change: older builds never read it).</summary>
internal sealed class LiteSignInKeys(LiteFile file) : ISignInKeys
{
    public IReadOnlyList<string> SignInKeys()
    {
        file.ThrowIfDisposed();
        return [.. file.Read(() => file.SignInKeys.FindAll().ToList()).OrderBy(d => d[Names.Id].AsInt32).Select(d => d[Names.Value].AsString)];
    }

    public void AddSignInKey(string name, string xml)
    {
        ArgumentException.ThrowIfNullOrEmpty(xml);
        file.Write(() => file.SignInKeys.Insert(new BsonDocument { [Names.Name] = name, [Names.Value] = xml }));
    }
}
