using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace Sleek.Workflows.Engine.Expressions.JavaScript;

/// <summary>
/// A Jint engine for one evaluation, set up so that no script can make the host run out of memory or time:
/// <list type="bullet">
/// <item>Jint's own limits: time (also per regular expression), statements, memory, recursion, array length; strict
/// mode; no CLR; no <c>eval</c> or <c>Function(…)</c>.</item>
/// <item>Built-ins an expression has no use for and that allocate outside every limit are gone: typed arrays and
/// buffers (<c>new Uint8Array(2**30)</c> asks for 1 GB at once), <c>Atomics</c>, <c>BigInt</c>, <c>ShadowRealm</c> (a
/// second set of built-ins without these guards), <c>Temporal</c>, <c>WeakRef</c>, <c>FinalizationRegistry</c>,
/// <c>Intl.ListFormat</c>.</item>
/// <item>Built-ins whose result can outgrow their input reserve it first against the evaluation's
/// <see cref="AllocationBudget"/>: <see cref="StringGuards"/>, <see cref="ArrayGuards"/>, <see cref="RegExpGuards"/>,
/// <see cref="ObjectGuards"/>, <see cref="JsonGuard"/>; template literals and object spreads through the functions
/// <see cref="GuardedScript"/> rewrites them to call.</item>
/// </list>
/// Breaching a limit throws one of Jint's limit exceptions, which the script cannot catch.
/// </summary>
internal sealed class JavaScriptSandbox
{
    private static readonly string[] Removed =
    [
        "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "TypedArray",
        "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
        "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
        "BigInt", "ShadowRealm", "Temporal", "WeakRef", "FinalizationRegistry",
    ];

    private readonly Guards _guards;
    private readonly JsonGuard _json;

    private JavaScriptSandbox(Jint.Engine engine, Guards guards, JsonGuard json)
    {
        Engine = engine;
        _guards = guards;
        _json = json;
    }

    /// <summary>The engine, for setting the script's globals.</summary>
    public Jint.Engine Engine { get; }

    /// <summary>What this evaluation may still allocate.</summary>
    public AllocationBudget Budget => _guards.Budget;

    /// <summary>A fresh engine for one evaluation of <paramref name="script"/>.</summary>
    public static JavaScriptSandbox Create(SandboxLimits limits, GuardedScript script)
    {
        var engine = new Jint.Engine(o =>
        {
            o.TimeoutInterval(limits.Timeout)
                .RegexTimeoutInterval(limits.Timeout)
                .MaxStatements(limits.MaxStatements)
                .LimitMemory(limits.MemoryBytes)
                .LimitRecursion(limits.MaxRecursion)
                .MaxArraySize((uint)limits.MaxArrayLength)
                .DisableStringCompilation()
                .Strict();
        });

        foreach (var name in Removed)
        {
            engine.Global.Delete(name);
        }

        engine.GetValue("Intl").AsObject().Delete("ListFormat");

        var guards = new Guards(engine, new AllocationBudget(limits.MemoryBytes), limits);
        StringGuards.Install(guards);
        ArrayGuards.Install(guards);
        RegExpGuards.Install(guards);
        ObjectGuards.Install(guards);
        var json = JsonGuard.Install(guards);
        if (script.TemplateTag is { } tag)
        {
            DefineHidden(engine.Global, tag, guards.Function(tag, 1, (_, args) => Template(guards, args)));
        }

        if (script.SpreadGuard is { } spread)
        {
            DefineHidden(engine.Global, spread, ObjectGuards.SpreadGuard(guards));
        }

        return new JavaScriptSandbox(engine, guards, json);
    }

    /// <summary>Runs the script; the budget counts from here.</summary>
    public JsValue Evaluate(GuardedScript script)
    {
        _guards.Budget.Restart();
        return Engine.Evaluate(script.Prepared);
    }

    /// <summary>The value's JSON text through the guarded <c>JSON.stringify</c>; null for undefined (and functions).</summary>
    public string? ToJson(JsValue value)
    {
        var json = Engine.Call(_json.Stringify, JsValue.Undefined, [value]);
        return json.IsString() ? json.AsString() : null;
    }

    /// <summary>Read-only and not enumerable: the script can neither replace it nor list it by accident.</summary>
    private static void DefineHidden(ObjectInstance global, string name, JsValue value) =>
        global.FastSetProperty(name, new Jint.Runtime.Descriptors.PropertyDescriptor(value, writable: false, enumerable: false, configurable: false));

    /// <summary>What an untagged template literal evaluates to: its cooked strings and substitutions, each reserved.</summary>
    private static JsString Template(Guards guards, JsValue[] args)
    {
        var strings = args[0].AsObject();
        var count = (int)TypeConverter.ToLength(strings.Get("length"));
        var result = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var piece = Guards.Text(strings.Get(JsNumber.Create(i)));
            guards.Budget.ReserveChars(piece.Length);
            result.Append(piece);
            if (i + 1 < count)
            {
                var substitution = Guards.Text(Guards.Arg(args, i + 1));
                guards.Budget.ReserveChars(substitution.Length);
                result.Append(substitution);
            }
        }

        return new JsString(result.ToString());
    }
}
