using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace Sleek.Workflows.Engine.Expressions.JavaScript;

/// <summary>
/// <c>JSON.stringify</c> with every value it writes reserved first. The built-in serializes an array that holds itself
/// twice at every level (<c>a = [a, a]</c>, 30 times: 30 small arrays) as 2³⁰ elements in one call. The guard hands
/// the built-in a replacer function — the language's own hook, called for every key and value the serializer writes,
/// after <c>toJSON</c> — that reserves what that value will add (key, escaped text, indentation at its depth) and then
/// returns the value unchanged, calling the script's replacer first when it gave one. The sandbox converts results to
/// JSON through the same function (<see cref="Stringify"/>).
/// </summary>
/// <remarks>
/// A replacer list (<c>JSON.stringify(o, ['a', 'b'])</c>) becomes a filter in that function: the keys it keeps are the
/// same, in the object's own order rather than the list's.
/// </remarks>
internal sealed class JsonGuard
{
    private readonly Guards _guards;
    private readonly JsValue _original;
    private readonly JsValue _stringValueOf;

    private JsonGuard(Guards guards, JsValue original)
    {
        _guards = guards;
        _original = original;
        _stringValueOf = guards.Prototype("String").Get("valueOf");
    }

    /// <summary>The guarded stringify, for converting results.</summary>
    public JsValue Stringify { get; private set; } = JsValue.Undefined;

    public static JsonGuard Install(Guards guards)
    {
        var json = guards.Global("JSON");
        JsonGuard? installed = null;
        guards.Replace(json, "stringify", "stringify", 3, original =>
        {
            installed = new JsonGuard(guards, original);
            return installed.Run;
        });
        installed!.Stringify = json.Get("stringify");

        // rawJSON values are written as their text: a shared one repeated would escape the reservation.
        json.Delete("rawJSON");
        json.Delete("isRawJSON");
        return installed;
    }

    private JsValue Run(JsValue self, JsValue[] args)
    {
        var value = Guards.Arg(args, 0);
        var replacer = Guards.Arg(args, 1);
        if (value.IsUndefined() && replacer.IsUndefined())
        {
            return JsValue.Undefined;
        }

        var keep = replacer.IsArray() ? PropertyList(replacer.AsObject()) : null;
        var user = replacer.IsCallable() ? replacer : null;
        var gap = Gap(Guards.Arg(args, 2));
        var depths = new Dictionary<ObjectInstance, int>(ReferenceEqualityComparer.Instance);

        var guarded = _guards.Function("replacer", 2, (holder, pair) =>
        {
            _guards.Tick();
            var key = Guards.Text(Guards.Arg(pair, 0));
            var item = Guards.Arg(pair, 1);
            var depth = holder is ObjectInstance h && depths.TryGetValue(h, out var d) ? d : 0;
            if (keep is not null && depth > 0 && !holder.IsArray() && !keep.Contains(key))
            {
                return JsValue.Undefined;
            }

            if (user is not null)
            {
                item = _guards.Call(user, holder, key, item);
            }

            var size = key.Length + 4 + (gap.Length * (depth + 1)) + Size(item);
            if (item is ObjectInstance nested && !item.IsCallable())
            {
                depths[nested] = depth + 1;
            }

            _guards.Budget.ReserveChars(size);
            return item;
        });

        return _guards.Call(_original, self, value, guarded, gap);
    }

    /// <summary>Characters the serializer writes for a value itself (objects: their brackets; members come later).</summary>
    private double Size(JsValue item)
    {
        if (item.IsString())
        {
            return EscapedLength(item.AsString());
        }

        if (item is ObjectInstance o && !item.IsCallable())
        {
            // A String object is written as its text: read it without running the script's own toString.
            return TryStringValue(o) is { } text ? EscapedLength(text) : 2;
        }

        return 24;
    }

    private string? TryStringValue(ObjectInstance o) =>
        Wrapped(o) == "StringInstance" ? _guards.Call(_stringValueOf, o).AsString() : null;

    /// <summary>Length of the quoted JSON text of <paramref name="text"/>: control characters take six, quotes and backslashes two.</summary>
    private static double EscapedLength(string text)
    {
        double length = text.Length + 2;
        foreach (var c in text)
        {
            if (c < 0x20)
            {
                length += 5;
            }
            else if (c is '"' or '\\')
            {
                length += 1;
            }
        }

        return length;
    }

    /// <summary>The indentation the serializer will use (ECMA-262 §25.5.2, steps 5–8), computed once and passed on as text.</summary>
    private static string Gap(JsValue space)
    {
        // Number and String objects count as their value (converted once, here); other objects as no indentation.
        space = Wrapped(space) switch
        {
            "NumberInstance" => TypeConverter.ToNumber(space),
            "StringInstance" => Guards.Text(space),
            _ => space,
        };

        if (space.IsNumber())
        {
            var count = (int)Math.Clamp(TypeConverter.ToIntegerOrInfinity(space), 0, 10);
            return new string(' ', count);
        }

        return space.IsString() ? space.AsString()[..Math.Min(10, space.AsString().Length)] : "";
    }

    /// <summary>The engine's class for a primitive wrapper object (Jint keeps them internal), or null.</summary>
    private static string? Wrapped(JsValue value) => value is ObjectInstance o ? o.GetType().Name : null;

    private HashSet<string> PropertyList(ObjectInstance list)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var length = TypeConverter.ToLength(list.Get("length"));
        for (ulong i = 0; i < length; i++)
        {
            _guards.Tick();
            var item = list.Get(JsNumber.Create((double)i));
            if (item.IsString() || item.IsNumber() || Wrapped(item) is "StringInstance" or "NumberInstance")
            {
                keys.Add(Guards.Text(item));
            }
        }

        return keys;
    }
}
