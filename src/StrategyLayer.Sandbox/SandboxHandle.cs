using StrategyLayer.Sandbox.Http;

namespace StrategyLayer.Sandbox;

/// <summary>
/// A running sandbox. The vendor APIs are read-only; every change to the data goes through
/// these control methods (or the same operations under <c>/_sandbox/…</c> for a child process).
/// </summary>
public sealed class SandboxHandle : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SandboxState state;

    internal SandboxHandle(WebApplication app, SandboxState state, string baseUrl)
    {
        this.app = app;
        this.state = state;
        BaseUrl = baseUrl;
    }

    /// <summary>http://127.0.0.1:PORT (control endpoints live under /_sandbox).</summary>
    public string BaseUrl { get; }

    /// <summary>Base URL of the Jira Cloud API (append /rest/api/3/…).</summary>
    public string JiraCloudUrl => BaseUrl + VendorGate.JiraCloud;

    /// <summary>Base URL of the Jira Data Center API (append /rest/api/2/…).</summary>
    public string JiraDataCenterUrl => BaseUrl + VendorGate.JiraDataCenter;

    /// <summary>Base URL of the ServiceNow instance (append /api/now/table/… or /oauth_token.do).</summary>
    public string ServiceNowUrl => BaseUrl + VendorGate.ServiceNow;

    public SandboxOptions Options => state.Options;

    /// <summary>The sandbox clock: starts at the generator's now (<see cref="SandboxOptions.AnchorOn"/>) and runs with the clock it was started on.</summary>
    public DateTimeOffset Now => state.Clock.Now;

    /// <summary>Every vendor request received (method, path, query, status), oldest first.</summary>
    public IReadOnlyList<SandboxRequest> Requests => state.Requests;

    public void ClearRequests() => state.ClearRequests();

    /// <summary>Live items per Jira project and ServiceNow table, with edits, deletions and moves applied.</summary>
    public SandboxCounts Counts() => state.Index.Counts();

    /// <summary>Edits a share (0..1) of live items: new version, new status and title, updated = now. Returns their keys.</summary>
    public IReadOnlyList<string> Edit(double share, SandboxSource source = SandboxSource.Any) =>
        [.. state.Index.Edit(share, source).Select(state.Index.Key)];

    /// <summary>Deletes live items (ServiceNow ones leave a sys_audit_delete row). Returns their keys.</summary>
    public IReadOnlyList<string> Delete(int count, SandboxSource source = SandboxSource.Any) =>
        [.. state.Index.Delete(count, source).Select(d => d.Key)];

    /// <summary>Moves Jira issues to project ARCH, outside every demo scope.</summary>
    public IReadOnlyList<SandboxMove> MoveOutOfScope(int count) =>
        [.. state.Index.MoveOutOfScope(count).Select(m => new SandboxMove(m.OldKey, m.NewKey))];

    /// <summary>The fault settings in force.</summary>
    public SandboxFaults Faults => state.Faults;

    /// <summary>Replaces the fault settings from the next request on.</summary>
    public void SetFaults(SandboxFaults faults) => state.Faults = faults;

    /// <summary>
    /// Serves these records (Jira keys, ServiceNow numbers) from the next request on as instances have
    /// served them: <paramref name="garbled"/> with text that cannot be read as it is,
    /// <paramref name="unreadable"/> not readable at all. Empty lists mend them all; updated times stay.
    /// </summary>
    public void SetBadRecords(IEnumerable<string> garbled, IEnumerable<string> unreadable) =>
        state.Faults = state.Faults with { GarbledText = garbled.ToHashSet(StringComparer.Ordinal), Unreadable = unreadable.ToHashSet(StringComparer.Ordinal) };

    public void AdvanceClock(TimeSpan by) => state.Clock.Advance(by);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
