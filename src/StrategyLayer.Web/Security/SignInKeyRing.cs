using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Store;

namespace StrategyLayer.Web.Security;

/// <summary>
/// Data Protection's key ring (what protects the sign-in cookie and the OpenID Connect correlation
/// and nonce cookies) kept in the store, so that every web view on the same store reads cookies any
/// of them wrote. The XML elements are secrets: nothing here logs or shows them.
/// </summary>
/// <remarks>
/// <see cref="IXmlRepository"/> is synchronous, and so is the store's role behind it (<see cref="ISignInKeys"/>):
/// each call does its small I/O synchronously, blocking on no task. Data Protection keeps the key ring it builds from <see cref="GetAllElements"/> in
/// memory: the web view builds it before it listens (<see cref="WebServer.StartAsync"/>), and Data
/// Protection rebuilds it in the background about once a day (when a request finds it stale it goes
/// on with the old one). A request waits for the store only for a cookie whose key this process has
/// not seen, during its first two minutes (Data Protection then reads the ring again, once).
/// </remarks>
internal sealed class SignInKeyRing(ISignInKeys keys) : IXmlRepository
{
    public const string ApplicationName = "strategylayer";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var elements = keys.SignInKeys();
        var parsed = new List<XElement>(elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            try
            {
                parsed.Add(XElement.Parse(elements[i]));
            }
            catch (XmlException)
            {
                // XmlException's message quotes the text around the fault: a piece of a key. Say where, not what.
                throw new StrategyLayerException($"the store's sign-in key {i + 1} of {elements.Count} is not XML; remove it to have the web view make a new key (everyone signs in again)", ErrorKind.Runtime, "signinkeys");
            }
        }

        return parsed;
    }

    public void StoreElement(XElement element, string friendlyName) =>
        keys.AddSignInKey(friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
