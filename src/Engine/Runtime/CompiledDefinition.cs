using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Activities.BuiltIn;
using Sleek.Workflows.Engine.Definitions;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// A validated definition with the look-up tables the interpreter needs. Built once per
/// (definition, version) and shared between instances; it is read-only.
/// </summary>
public sealed class CompiledDefinition
{
    private readonly Dictionary<string, ActivityNode> _nodes;
    private readonly Dictionary<string, ActivityDescriptor> _descriptors;
    private readonly Dictionary<string, Dictionary<string, InputValue>> _inputs;
    private readonly Dictionary<(string Activity, string Port), List<Connection>> _outgoing;
    private readonly Dictionary<string, List<string>> _incomingKeys;
    private readonly Dictionary<string, HashSet<string>> _upstream = [];

    /// <summary>Compiles a definition that passed <see cref="DefinitionValidator"/>.</summary>
    /// <exception cref="InvalidOperationException">The definition was not validated (unknown type, no Start).</exception>
    public CompiledDefinition(WorkflowDefinition definition, ActivityRegistry registry)
    {
        Definition = definition;
        _nodes = definition.Root.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _descriptors = definition.Root.Activities.ToDictionary(
            a => a.Id,
            a => registry.Find(a.Type) ?? throw new InvalidOperationException($"activity '{a.Id}' has unknown type '{a.Type}'"),
            StringComparer.Ordinal);
        _inputs = definition.Root.Activities.ToDictionary(
            a => a.Id,
            a => a.Inputs.ToDictionary(
                kv => kv.Key,
                kv => InputValue.Parse(kv.Value) ?? throw new InvalidOperationException($"activity '{a.Id}' input '{kv.Key}' is malformed"),
                StringComparer.Ordinal),
            StringComparer.Ordinal);
        _outgoing = definition.Root.Connections
            .GroupBy(c => (c.Source.Activity, c.Source.Port ?? "Done"))
            .ToDictionary(g => g.Key, g => g.ToList());
        _incomingKeys = definition.Root.Connections
            .GroupBy(c => c.Target.Activity, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(KeyOf).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        StartActivityId = definition.Root.Activities.SingleOrDefault(a => a.Type == "Start")?.Id
            ?? throw new InvalidOperationException("the definition has no Start activity");
    }

    /// <summary>The source definition.</summary>
    public WorkflowDefinition Definition { get; }

    /// <summary>Id of the Start activity.</summary>
    public string StartActivityId { get; }

    internal ActivityNode Node(string id) => _nodes[id];

    internal bool HasNode(string id) => _nodes.ContainsKey(id);

    internal ActivityDescriptor Descriptor(string id) => _descriptors[id];

    internal IReadOnlyDictionary<string, InputValue> Inputs(string id) => _inputs[id];

    internal IReadOnlyList<Connection> Outgoing(string id, string port) =>
        _outgoing.TryGetValue((id, port), out var list) ? list : [];

    internal IReadOnlyList<string> IncomingKeys(string id) =>
        _incomingKeys.TryGetValue(id, out var list) ? list : [];

    /// <summary>The join mode of a Join node (WaitAll by default), or null for other nodes.</summary>
    internal string? JoinMode(string id)
    {
        if (_descriptors[id].ClrType != typeof(Join))
        {
            return null;
        }

        return _inputs[id].TryGetValue("mode", out var mode) && mode.Literal?.GetValue<string>() == Join.WaitAny ? Join.WaitAny : Join.WaitAll;
    }

    /// <summary>Activities from which <paramref name="id"/> can be reached (its branches).</summary>
    internal IReadOnlySet<string> Upstream(string id)
    {
        lock (_upstream)
        {
            if (_upstream.TryGetValue(id, out var cached))
            {
                return cached;
            }

            var result = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>([id]);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                foreach (var c in Definition.Root.Connections.Where(c => c.Target.Activity == current))
                {
                    if (result.Add(c.Source.Activity))
                    {
                        stack.Push(c.Source.Activity);
                    }
                }
            }

            result.Remove(id);
            _upstream[id] = result;
            return result;
        }
    }

    internal static string KeyOf(Connection c) => $"{c.Source.Activity}:{c.Source.Port ?? "Done"}";
}
