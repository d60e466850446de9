using System.Runtime.CompilerServices;
using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace Sleek.Workflows.Engine.Expressions.JavaScript;

/// <summary>
/// Guards on the array built-ins that recurse into nested arrays or repeat a separator: <c>join</c> (and so
/// <c>toString</c>, <c>String(a)</c> and <c>`${a}`</c>), <c>toLocaleString</c> and <c>flat</c> are built here, each piece
/// reserved before it is added. An array that holds itself twice at every level (<c>a = [a, a]</c>, 30 times) is 30
/// small arrays but 2³⁰ elements when walked: the walk stops at the memory or time limit instead of running the host
/// out of memory. <c>concat</c> refuses array lengths beyond the sandbox's array limit, which it would otherwise walk
/// element by element without a check.
/// </summary>
internal static class ArrayGuards
{
    public static void Install(Guards guards)
    {
        var proto = guards.Prototype("Array");
        var joining = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance);

        guards.Replace(proto, "join", "join", 1, _ => (self, args) =>
        {
            var array = guards.ToObject(self);
            var length = TypeConverter.ToLength(array.Get("length"));
            var separator = Guards.Arg(args, 0) is var s && s.IsUndefined() ? "," : Guards.Text(s);
            return Join(guards, joining, array, length, separator, element => Guards.Text(element));
        });

        guards.Replace(proto, "toLocaleString", "toLocaleString", 0, _ => (self, args) =>
        {
            var array = guards.ToObject(self);
            var length = TypeConverter.ToLength(array.Get("length"));
            return Join(guards, joining, array, length, ",", element =>
                Guards.Text(guards.Call(guards.ToObject(element).Get("toLocaleString"), element, args)));
        });

        guards.Replace(proto, "flat", "flat", 0, _ => (self, args) =>
        {
            var source = guards.ToObject(self);
            var length = TypeConverter.ToLength(source.Get("length"));
            var depthArgument = Guards.Arg(args, 0);
            var depth = depthArgument.IsUndefined() ? 1 : Math.Max(0, TypeConverter.ToIntegerOrInfinity(depthArgument));
            var target = new JsArray(guards.Engine);
            Flatten(guards, target, source, length, depth);
            return target;
        });

        guards.Replace(proto, "concat", "concat", 1, original => (self, args) =>
        {
            CheckLength(guards, self);
            foreach (var argument in args)
            {
                CheckLength(guards, argument);
            }

            return guards.Call(original, self, args);
        });
    }

    private static JsString Join(Guards guards, HashSet<ObjectInstance> joining, ObjectInstance array, ulong length, string separator, Func<JsValue, string> text)
    {
        // An array inside itself joins as "" there, as every engine does.
        if (length == 0 || !joining.Add(array))
        {
            return JsString.Empty;
        }

        try
        {
            var result = new StringBuilder();
            for (ulong k = 0; k < length; k++)
            {
                guards.Tick();
                if (k > 0)
                {
                    guards.Budget.ReserveChars(separator.Length);
                    result.Append(separator);
                }

                var element = array.Get(JsNumber.Create((double)k));
                if (!element.IsNull() && !element.IsUndefined())
                {
                    var piece = text(element);
                    guards.Budget.ReserveChars(piece.Length);
                    result.Append(piece);
                }
            }

            return new JsString(result.ToString());
        }
        finally
        {
            joining.Remove(array);
        }
    }

    /// <summary>FlattenIntoArray (ECMA-262 §23.1.3.13.1), with each element counted against the budget.</summary>
    private static void Flatten(Guards guards, JsArray target, ObjectInstance source, ulong length, double depth)
    {
        // flat(Infinity) of an array nested a hundred thousand deep must not overflow the host's stack.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        for (ulong i = 0; i < length; i++)
        {
            guards.Tick();
            var key = JsNumber.Create((double)i);
            if (!source.HasProperty(key))
            {
                continue;
            }

            var element = source.Get(key);
            if (depth > 0 && element.IsArray())
            {
                var nested = element.AsObject();
                Flatten(guards, target, nested, TypeConverter.ToLength(nested.Get("length")), depth - 1);
                continue;
            }

            guards.Budget.Reserve(16);
            target.Push(element);
        }
    }

    private static void CheckLength(Guards guards, JsValue value)
    {
        if (value.IsArray() && TypeConverter.ToLength(value.AsObject().Get("length")) > (ulong)guards.Limits.MaxArrayLength)
        {
            guards.Budget.Refuse($"an array of more than {guards.Limits.MaxArrayLength} elements");
        }
    }
}
