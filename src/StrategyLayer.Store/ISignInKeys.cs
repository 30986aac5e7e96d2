namespace StrategyLayer.Store;

/// <summary>
/// Role: the web view's sign-in keys, ASP.NET Core Data Protection's key ring as its XML elements (one
/// per key, one per revocation). Kept in the store so that every process on the same store protects
/// and reads the sign-in cookies with the same keys: a browser may move between nodes behind one
/// address. The elements are secrets: never logged, printed, put in a report or copied to another
/// store (a copy signs people in again). Elements are only ever added, never changed or removed.
/// </summary>
public interface ISignInKeys
{
    /// <summary>Every element, in the order they were added.</summary>
    Task<IReadOnlyList<string>> SignInKeysAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Adds an element. <paramref name="name"/> is Data Protection's friendly name (<c>key-GUID</c>,
    /// <c>revocation-…</c>): kept beside the element, not unique, never read back as its identity.
    /// </summary>
    Task AddSignInKeyAsync(string name, string xml, CancellationToken cancellationToken);
}
