using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace Sleek.Workflows.Engine.Expressions.JavaScript;

/// <summary>
/// What the guarded built-ins share: the engine, the evaluation's <see cref="AllocationBudget"/>, and the plumbing to
/// put a guard in front of a built-in. A guard converts the arguments once (so user <c>toString</c>/<c>valueOf</c>
/// run once, as they would), sizes what the call will build, reserves it, and only then calls the original.
/// </summary>
internal sealed class Guards(Jint.Engine engine, AllocationBudget budget, SandboxLimits limits)
{
    private readonly JsValue _object = engine.GetValue("Object");
    private int _ticks;

    public Jint.Engine Engine { get; } = engine;

    public AllocationBudget Budget { get; } = budget;

    public SandboxLimits Limits { get; } = limits;

    /// <summary>The value of a global as the engine set it up (read before any script ran).</summary>
    public ObjectInstance Global(string name) => Engine.GetValue(name).AsObject();

    /// <summary>The <c>prototype</c> of a global constructor.</summary>
    public ObjectInstance Prototype(string constructor) => Global(constructor).Get("prototype").AsObject();

    /// <summary>Puts <paramref name="guard"/> (given the original) in place of a method, non-enumerable as built-ins are.</summary>
    public void Replace(ObjectInstance target, JsValue key, string name, int length, Func<JsValue, Func<JsValue, JsValue[], JsValue>> guard)
    {
        var original = target.Get(key);
        Define(target, key, Function(name, length, guard(original)));
    }

    /// <summary>A native function, as built-ins are (its <c>length</c> configurable, nothing else).</summary>
    public ClrFunction Function(string name, int length, Func<JsValue, JsValue[], JsValue> body) =>
        new(Engine, name, body, length, PropertyFlag.Configurable);

    /// <summary>Defines a writable, configurable, non-enumerable property, like a built-in method.</summary>
    public static void Define(ObjectInstance target, JsValue key, JsValue value) =>
        target.FastSetProperty(key, new PropertyDescriptor(value, PropertyFlag.NonEnumerable));

    /// <summary>Calls a function with a this value.</summary>
    public JsValue Call(JsValue function, JsValue thisValue, params JsValue[] arguments) => Engine.Call(function, thisValue, arguments);

    /// <summary>The argument at <paramref name="index"/>, or undefined.</summary>
    public static JsValue Arg(JsValue[] arguments, int index) => index < arguments.Length ? arguments[index] : JsValue.Undefined;

    /// <summary>
    /// For loops a guard runs itself: every 1,024 steps the engine's own constraints run (time, statements, memory),
    /// so a loop over a huge sparse length or a deep shared structure stops at the time limit.
    /// </summary>
    public void Tick()
    {
        if (++_ticks % 1024 == 0)
        {
            Engine.Constraints.Check();
        }
    }

    /// <summary>ToObject, as the language does it: a TypeError for null and undefined, primitives boxed.</summary>
    public ObjectInstance ToObject(JsValue value)
    {
        if (value is ObjectInstance instance)
        {
            return instance;
        }

        if (value.IsNull() || value.IsUndefined())
        {
            throw new JavaScriptException(Engine.Intrinsics.TypeError, "Cannot convert undefined or null to object");
        }

        return Call(_object, JsValue.Undefined, value).AsObject();
    }

    /// <summary>ToString, as the language does it (may call the script's own <c>toString</c>).</summary>
    public static string Text(JsValue value) => TypeConverter.ToString(value);
}
