using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Mapping.Query;

/// <summary>Binds field names and values, and composes one delegate per query (no re-parsing per item).</summary>
internal sealed partial class QueryCompiler(string text, FieldCatalog catalog, DateTimeOffset asOf)
{
    private static readonly Func<WorkItem, bool> Never = _ => false;

    private readonly List<QueryError> _errors = [];
    private readonly List<FieldDef> _fields = [];
    private readonly List<TimeSpan> _relative = [];

    public IReadOnlyList<QueryError> Errors => _errors;

    public IReadOnlyList<FieldDef> Fields => _fields;

    public IReadOnlyList<TimeSpan> RelativeOffsets => _relative;

    public Clause Compile(QueryNode node)
    {
        switch (node)
        {
            case AndNode:
                {
                    var parts = Flatten<AndNode>(node).Select(Compile).ToList();
                    var tests = parts.Select(p => p.Test).ToArray();
                    return new Clause { Text = Span(node), Shape = ClauseShape.And, Children = parts, Test = AllOf(tests) };
                }

            case OrNode:
                {
                    var parts = Flatten<OrNode>(node).Select(Compile).ToList();
                    var tests = parts.Select(p => p.Test).ToArray();
                    return new Clause { Text = Span(node), Shape = ClauseShape.Or, Children = parts, Test = AnyOf(tests) };
                }

            case NotNode not:
                {
                    var inner = Compile(not.Inner);
                    var test = inner.Test;
                    return new Clause { Text = Span(node), Shape = ClauseShape.Not, Children = [inner], Test = i => !test(i) };
                }

            case GroupNode group:
                {
                    var inner = Compile(group.Inner);
                    return new Clause { Text = Span(node), Shape = ClauseShape.Group, Children = [inner], Test = inner.Test };
                }

            default:
                return CompileCondition(node);
        }
    }

    private Clause CompileCondition(QueryNode node)
    {
        var fieldRef = node switch
        {
            CompareNode c => c.Field,
            InNode n => n.Field,
            _ => ((EmptyNode)node).Field,
        };

        var field = catalog.Find(fieldRef.Name);
        if (field is null)
        {
            Error(fieldRef.Start, $"unknown field '{fieldRef.Name}'" + Suggest(fieldRef.Name));
            return new Clause { Text = Span(node), Test = Never };
        }

        if (!_fields.Any(f => string.Equals(f.Name, field.Name, StringComparison.OrdinalIgnoreCase)))
        {
            _fields.Add(field);
        }

        var test = node switch
        {
            CompareNode c => CompileCompare(field, c.Op, c.Value, c.OpStart),
            InNode n => CompileIn(field, n),
            _ => CompileEmpty(field, ((EmptyNode)node).Negated),
        };
        IReadOnlyList<string>? equalsAny = field.Kind != FieldKind.Text ? null : node switch
        {
            CompareNode { Op: CompareOp.Equal } c => [c.Value.Text],
            InNode { Negated: false } n => [.. n.Values.Select(v => v.Text)],
            _ => null,
        };
        return new Clause { Text = Span(node), Field = field, Test = test ?? Never, EqualsAny = equalsAny };
    }

    private Func<WorkItem, bool>? CompileIn(FieldDef field, InNode node)
    {
        var tests = node.Values.Select(v => CompileCompare(field, CompareOp.Equal, v)).ToList();
        if (tests.Any(t => t is null))
        {
            return null;
        }

        // Multi-valued and plain text lists use a set: "labels in (a, b, …)" with many values stays one lookup.
        if (field.Kind is FieldKind.Multi or FieldKind.Text && node.Values.Count > 3)
        {
            var set = new HashSet<string>(node.Values.Select(v => v.Text), StringComparer.OrdinalIgnoreCase);
            Func<WorkItem, bool> any = field.Kind == FieldKind.Multi
                ? MultiAny(field.Multi!, set)
                : TextIn(field.Text!, set);
            return node.Negated ? i => !any(i) : any;
        }

        var anyOf = AnyOf(tests.Select(t => t!).ToArray());
        return node.Negated ? i => !anyOf(i) : anyOf;
    }

    private static Func<WorkItem, bool> MultiAny(Func<WorkItem, IReadOnlyList<string>> get, HashSet<string> set) => i =>
    {
        var values = get(i);
        for (var k = 0; k < values.Count; k++)
        {
            if (set.Contains(values[k]))
            {
                return true;
            }
        }

        return false;
    };

    private static Func<WorkItem, bool> TextIn(Func<WorkItem, string?> get, HashSet<string> set) =>
        i => get(i) is { } s && set.Contains(s);

    private static Func<WorkItem, bool> CompileEmpty(FieldDef field, bool negated)
    {
        Func<WorkItem, bool> empty = field.Kind switch
        {
            FieldKind.Multi => i => field.Multi!(i).Count == 0,
            FieldKind.Number => i => field.Number!(i) is null,
            FieldKind.Date => i => field.Date!(i) is null,
            FieldKind.Priority => i => string.IsNullOrEmpty(field.Text!(i)) && field.Number!(i) is null,
            _ => i => string.IsNullOrEmpty(field.Text!(i)),
        };
        return negated ? i => !empty(i) : empty;
    }

    private static Func<WorkItem, bool> AllOf(Func<WorkItem, bool>[] tests) => tests.Length switch
    {
        2 => And2(tests[0], tests[1]),
        _ => i =>
        {
            foreach (var t in tests)
            {
                if (!t(i))
                {
                    return false;
                }
            }

            return true;
        }
        ,
    };

    private static Func<WorkItem, bool> And2(Func<WorkItem, bool> a, Func<WorkItem, bool> b) => i => a(i) && b(i);

    private static Func<WorkItem, bool> AnyOf(Func<WorkItem, bool>[] tests) => tests.Length switch
    {
        1 => tests[0],
        2 => Or2(tests[0], tests[1]),
        _ => i =>
        {
            foreach (var t in tests)
            {
                if (t(i))
                {
                    return true;
                }
            }

            return false;
        }
        ,
    };

    private static Func<WorkItem, bool> Or2(Func<WorkItem, bool> a, Func<WorkItem, bool> b) => i => a(i) || b(i);

    private static IEnumerable<QueryNode> Flatten<T>(QueryNode node)
        where T : QueryNode
    {
        var stack = new Stack<QueryNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            switch (n)
            {
                case AndNode a when typeof(T) == typeof(AndNode):
                    stack.Push(a.Right);
                    stack.Push(a.Left);
                    break;
                case OrNode o when typeof(T) == typeof(OrNode):
                    stack.Push(o.Right);
                    stack.Push(o.Left);
                    break;
                default:
                    yield return n;
                    break;
            }
        }
    }

    private string Span(QueryNode node) => text[node.Start..node.End];

    private void Error(int offset, string message) => _errors.Add(QueryError.At(text, offset, message));

    private string Suggest(string name)
    {
        var near = FieldCatalog.BuiltInNames.FirstOrDefault(n => DidYouMean.Distance(n.ToLowerInvariant(), name.ToLowerInvariant()) <= 2);
        return near is null ? " (built-in fields: see the rule language in README; custom fields must be named in config)" : $" (did you mean '{near}'?)";
    }
}
