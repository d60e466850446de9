using Jint;
using Jint.Native;
using Jint.Runtime;

namespace Sleek.Workflows.Engine.Expressions.JavaScript;

/// <summary>
/// Guards on the <c>Object</c> functions that make a property, a key or an entry for every character of a string or
/// element of an array they are given (<c>Object.entries('y'.repeat(3e6))</c> took 390 MB): what they will make is
/// reserved first. An object spread (<c>{...s}</c>) is checked the same way, through the function
/// <see cref="GuardedScript"/> wraps its argument in.
/// </summary>
internal static class ObjectGuards
{
    /// <summary>Bytes a key (a short string and a slot) takes.</summary>
    private const int BytesPerKey = 48;

    /// <summary>Bytes a property or an entry (an object or a two-element array besides the key) takes.</summary>
    private const int BytesPerEntry = 160;

    public static void Install(Guards guards)
    {
        var constructor = guards.Global("Object");
        foreach (var (name, bytes) in new[]
        {
            ("keys", BytesPerKey), ("values", BytesPerKey), ("getOwnPropertyNames", BytesPerKey),
            ("entries", BytesPerEntry), ("getOwnPropertyDescriptors", BytesPerEntry), ("assign", BytesPerEntry),
        })
        {
            guards.Replace(constructor, name, name, 1, original => (self, args) =>
            {
                foreach (var argument in args)
                {
                    ReserveCopy(guards, argument, bytes);
                }

                return guards.Call(original, self, args);
            });
        }
    }

    /// <summary>The function an object spread's argument goes through: the value itself, once reserved.</summary>
    public static JsValue SpreadGuard(Guards guards) => guards.Function("spread", 1, (_, args) =>
    {
        var value = Guards.Arg(args, 0);
        ReserveCopy(guards, value, BytesPerEntry);
        return value;
    });

    /// <summary>Reserves a copy of every character of a string or element of an array (other values cost what they are).</summary>
    private static void ReserveCopy(Guards guards, JsValue value, int bytesPerItem)
    {
        double count = value.IsString() ? value.AsString().Length
            : value.IsArray() ? TypeConverter.ToLength(value.AsObject().Get("length"))
            : 0;
        if (count > 0)
        {
            guards.Budget.Reserve(count * bytesPerItem);
        }
    }
}
