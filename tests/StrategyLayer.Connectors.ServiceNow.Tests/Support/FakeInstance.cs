using System.Text.Json.Nodes;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace StrategyLayer.Connectors.ServiceNow.Tests.Support;

/// <summary>
/// An in-memory ServiceNow answering Table API GETs from its rows: sysparm_query (evaluated by
/// <see cref="FakeQuery"/>), sysparm_fields, sysparm_display_value, sysparm_limit and
/// sysparm_offset. Hooks let a test edit rows between pages or shorten a page.
/// </summary>
public sealed class FakeInstance
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<FakeRow>> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);

    /// <summary>Called before answering the n-th (1-based) request for a table.</summary>
    public Action<string, int>? BeforeAnswer { get; set; }

    /// <summary>Caps how many rows the n-th request for a table returns (ACLs can thin a page this way).</summary>
    public Func<string, int, int?>? RowCap { get; set; }

    /// <summary>Headers added to every answer (Link, X-Total-Count: hints the client must not trust).</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Queries { get; } = [];

    /// <summary>Text in a row that goes on the wire as these bytes instead (bytes that are not UTF-8, as some instances send).</summary>
    public Dictionary<string, byte[]> WireBytes { get; } = new(StringComparer.Ordinal);

    public void Clear()
    {
        lock (_gate)
        {
            _tables.Clear();
            _calls.Clear();
            Queries.Clear();
            Headers.Clear();
            WireBytes.Clear();
            BeforeAnswer = null;
            RowCap = null;
        }
    }

    public FakeRow Add(string table, FakeRow row)
    {
        lock (_gate)
        {
            if (!_tables.TryGetValue(table, out var rows))
            {
                _tables[table] = rows = [];
            }

            rows.Add(row);
            return row;
        }
    }

    public void Remove(string table, string sysId)
    {
        lock (_gate)
        {
            _tables[table].RemoveAll(r => r.Value("sys_id") == sysId);
        }
    }

    public FakeRow Row(string table, string sysId)
    {
        lock (_gate)
        {
            return _tables[table].Single(r => r.Value("sys_id") == sysId);
        }
    }

    public IResponseMessage Answer(IRequestMessage request)
    {
        var table = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Last();
        string? Param(string name) => request.Query is { } q && q.TryGetValue(name, out var v) ? v.FirstOrDefault() : null;

        int call;
        lock (_gate)
        {
            _calls[table] = call = _calls.GetValueOrDefault(table) + 1;
        }

        BeforeAnswer?.Invoke(table, call);
        lock (_gate)
        {
            var queryText = Param("sysparm_query") ?? "";
            Queries.Add(table + "?" + queryText);
            if (!_tables.TryGetValue(table, out var rows))
            {
                return Json(400, """{"error":{"message":"Invalid table","detail":null},"status":"failure"}""".Replace("Invalid table", "Invalid table " + table, StringComparison.Ordinal));
            }

            var query = new FakeQuery(queryText);
            IEnumerable<FakeRow> matched = rows.Where(r => query.Matches(r.Value));
            IOrderedEnumerable<FakeRow>? ordered = null;
            foreach (var (field, desc) in query.OrderBy)
            {
                Func<FakeRow, string> key = r => r.Value(field) ?? "";
                ordered = ordered is null
                    ? (desc ? matched.OrderByDescending(key, StringComparer.Ordinal) : matched.OrderBy(key, StringComparer.Ordinal))
                    : (desc ? ordered.ThenByDescending(key, StringComparer.Ordinal) : ordered.ThenBy(key, StringComparer.Ordinal));
            }

            var list = (ordered ?? matched).ToList();
            var offset = int.TryParse(Param("sysparm_offset"), out var o) ? o : 0;
            var limit = int.TryParse(Param("sysparm_limit"), out var l) ? l : 10000;
            var page = list.Skip(offset).Take(limit).ToList();
            if (RowCap?.Invoke(table, call) is { } cap)
            {
                page = page.Take(cap).ToList();
            }

            var fields = Param("sysparm_fields")?.Split(',');
            var display = Param("sysparm_display_value") == "all";
            var result = new JsonArray(page.Select(r => (JsonNode)r.ToJson(fields, display)).ToArray());
            var answer = Json(200, new JsonObject { ["result"] = result }.ToJsonString(), WireBytes);
            foreach (var (name, value) in Headers)
            {
                answer.Headers![name] = new WireMockList<string>(value);
            }

            return answer;
        }
    }

    public static ResponseMessage Json(int status, string body, IReadOnlyDictionary<string, byte[]>? wireBytes = null)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        foreach (var (marker, raw) in wireBytes ?? new Dictionary<string, byte[]>())
        {
            bytes = Replace(bytes, System.Text.Encoding.UTF8.GetBytes(marker), raw);
        }

        return new()
        {
            StatusCode = status,
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
            BodyData = new BodyData { BodyAsBytes = bytes, DetectedBodyType = BodyType.Bytes },
        };
    }

    private static byte[] Replace(byte[] bytes, byte[] marker, byte[] raw)
    {
        var output = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length;)
        {
            if (bytes.AsSpan(i).StartsWith(marker))
            {
                output.AddRange(raw);
                i += marker.Length;
            }
            else
            {
                output.Add(bytes[i++]);
            }
        }

        return [.. output];
    }
}
