using System.Text.Json.Nodes;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Descriptors.Specialized;
using Jint.Runtime.Interop;

namespace Sleek.Workflows.Engine.Expressions.JavaScript;

/// <summary>
/// The script's view of one of the instance's objects (<c>variables</c>, <c>input</c>, <c>outputs</c>). Members the
/// script names are converted before it runs; the others only if it reads them after all (<c>variables[name]</c>,
/// <c>Object.values</c>, <c>JSON.stringify</c>): then each becomes a plain member on first use, so the script sees
/// what a full copy would show. An expression thus pays for what it reads, not for the whole state: a loop body
/// reading <c>variables.count</c> does not convert the 10,000-item list in <c>variables.items</c> on every iteration.
/// </summary>
internal static class ScopeObject
{
    /// <summary>A JavaScript object with every member of <paramref name="members"/>; those <paramref name="script"/> does not name are converted lazily.</summary>
    public static JsObject Create(Jint.Engine engine, JsonParser parser, JsonObject members, string script)
    {
        var target = new JsObject(engine);
        foreach (var (name, node) in members)
        {
            if (script.Contains(name, StringComparison.Ordinal))
            {
                target.FastSetProperty(name, Member(Convert(parser, node)));
                continue;
            }

            // Reading or writing it turns the accessor into the plain member a full copy would have had.
            var getter = new ClrFunction(engine, "get " + name, (_, _) =>
            {
                var value = Convert(parser, node);
                target.DefineOwnProperty(name, Member(value));
                return value;
            }, 0, PropertyFlag.Configurable);
            var setter = new ClrFunction(engine, "set " + name, (_, arguments) =>
            {
                target.DefineOwnProperty(name, Member(arguments.Length > 0 ? arguments[0] : JsValue.Undefined));
                return JsValue.Undefined;
            }, 1, PropertyFlag.Configurable);
            target.FastSetProperty(name, new GetSetPropertyDescriptor(getter, setter, enumerable: true, configurable: true));
        }

        return target;
    }

    /// <summary>A JSON node as the script sees it (through its JSON text, so nothing of the host's objects leaks in).</summary>
    public static JsValue Convert(JsonParser parser, JsonNode? node) => node is null ? JsValue.Null : parser.Parse(node.ToJsonString());

    private static PropertyDescriptor Member(JsValue value) => new(value, PropertyFlag.ConfigurableEnumerableWritable);
}
