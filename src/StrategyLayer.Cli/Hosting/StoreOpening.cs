namespace StrategyLayer.Cli.Hosting;

/// <summary>
/// What an engine is opened with, from the invocation: its clock, the verb (sessions on a server carry
/// it, so that a process waiting for this one can name it), where secrets are looked up (after the
/// environment: the config's secrets file), how a secret is registered with the log mask, and where
/// a notice to the user is said while the store opens or works (waiting for another process, a
/// schema upgrade): stderr and the log.
/// </summary>
internal sealed record StoreOpening(TimeProvider Time, string Verb, Func<string, string?> Secret, Action<string?> Mask, Action<string>? Notice);
