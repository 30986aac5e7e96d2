namespace StrategyLayer.Store;

/// <summary>
/// Role: the web view's sign-in keys, ASP.NET Core Data Protection's key ring as its XML elements (one
/// per key, one per revocation). Kept in the store so that every process on the same store protects
/// and reads the sign-in cookies with the same keys: a browser may move between nodes behind one
/// address. The elements are secrets: never logged, printed, put in a report or copied to another
/// store (a copy signs people in again). Elements are only ever added, never changed or removed.
/// </summary>
/// <remarks>
/// Synchronous on purpose: its one caller is Data Protection's <c>IXmlRepository</c>, which is
/// synchronous, so each engine does this small I/O synchronously rather than blocking on a task. Data
/// Protection reads the ring before the web view listens and then about once a day, off the request path.
/// </remarks>
public interface ISignInKeys
{
    /// <summary>Every element, in the order they were added.</summary>
    IReadOnlyList<string> SignInKeys();

    /// <summary>
    /// Adds an element. <paramref name="name"/> is Data Protection's friendly name (<c>key-GUID</c>,
    /// <c>revocation-…</c>): kept beside the element, not unique, never read back as its identity.
    /// </summary>
    void AddSignInKey(string name, string xml);
}
