using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Native.Symbol;
using Jint.Runtime;

namespace Sleek.Workflows.Engine.Expressions.JavaScript;

/// <summary>
/// Guards on regular expressions. Compiling a pattern costs memory in proportion to it (about 240 bytes a character
/// for alternations: <c>new RegExp('(a|b)'.repeat(5e5))</c> took 600 MB), so a pattern built at run time is
/// reserved before it is compiled: through the <c>RegExp</c> global (replaced by a proxy that checks its pattern
/// argument, also as <c>/x/.constructor</c>) and through <c>match</c>, <c>matchAll</c> and <c>search</c> with a text
/// pattern (<see cref="StringGuards"/>). A global <c>match</c> collects all matches in one call: it is built here,
/// one <c>exec</c> at a time, each reserved. Replacements go through <see cref="Substitution"/>.
/// </summary>
internal static class RegExpGuards
{
    /// <summary>Bytes a compiled pattern may take per character of its source.</summary>
    private const int BytesPerPatternCharacter = 256;

    public static void Install(Guards guards)
    {
        var proto = guards.Prototype("RegExp");
        var native = guards.Global("RegExp");
        var reflect = guards.Global("Reflect");
        var construct = reflect.Get("construct");
        var apply = reflect.Get("apply");
        JsValue guarded = JsValue.Undefined;
        var handler = new JsObject(guards.Engine);
        handler.Set("construct", guards.Function("construct", 3, (_, args) =>
            guards.Call(construct, JsValue.Undefined, native, Checked(guards, args[1]), ReferenceEquals(args[2], guarded) ? native : args[2])));
        handler.Set("apply", guards.Function("apply", 3, (_, args) =>
            guards.Call(apply, JsValue.Undefined, native, args[1], Checked(guards, args[2]))));
        guarded = guards.Engine.Construct(guards.Global("Proxy"), native, handler);
        Guards.Define(guards.Engine.Global, "RegExp", guarded);
        Guards.Define(proto, "constructor", guarded);

        guards.Replace(proto, GlobalSymbolRegistry.Replace, "[Symbol.replace]", 2, original => (self, args) =>
            guards.Call(original, self, Guards.Arg(args, 0), Substitution.Guard(guards, Guards.Arg(args, 1))));

        guards.Replace(proto, GlobalSymbolRegistry.Match, "[Symbol.match]", 1, original => (self, args) =>
        {
            var regex = self as ObjectInstance;
            if (regex is null || !Guards.Text(regex.Get("flags")).Contains('g', StringComparison.Ordinal))
            {
                return guards.Call(original, self, args);
            }

            return MatchAll(guards, regex, Guards.Text(Guards.Arg(args, 0)));
        });

        // Annex B's compile() recompiles a RegExp in place from a new pattern; nothing needs it.
        proto.Delete("compile");
    }

    /// <summary>The RegExp arguments with a pattern that is not a compiled RegExp turned into its text (once) and reserved.</summary>
    private static JsArray Checked(Guards guards, JsValue argumentList)
    {
        var list = argumentList.AsObject();
        var arguments = new JsValue[(int)TypeConverter.ToLength(list.Get("length"))];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = list.Get(JsNumber.Create(i));
        }

        if (arguments.Length > 0 && arguments[0] is not JsRegExp && !arguments[0].IsUndefined())
        {
            arguments[0] = Guards.Text(arguments[0]);
            ReservePattern(guards, arguments[0].AsString());
        }

        return new JsArray(guards.Engine, arguments);
    }

    /// <summary>Reserves what compiling <paramref name="pattern"/> may take.</summary>
    public static void ReservePattern(Guards guards, string pattern) =>
        guards.Budget.Reserve((double)pattern.Length * BytesPerPatternCharacter);

    /// <summary>RegExp.prototype[@@match] for a global pattern (ECMA-262 §22.2.6.8), one exec at a time.</summary>
    private static JsValue MatchAll(Guards guards, ObjectInstance regex, string subject)
    {
        var flags = Guards.Text(regex.Get("flags"));
        var unicode = flags.Contains('u', StringComparison.Ordinal) || flags.Contains('v', StringComparison.Ordinal);
        regex.Set("lastIndex", 0, throwOnError: true);
        var exec = regex.Get("exec");
        var matches = new JsArray(guards.Engine);
        while (true)
        {
            guards.Tick();
            var result = guards.Call(exec, regex, subject);
            if (result.IsNull())
            {
                return matches.Length == 0 ? JsValue.Null : matches;
            }

            var matched = Guards.Text(result.AsObject().Get("0"));
            guards.Budget.ReserveChars(matched.Length + 32);
            matches.Push(matched);
            if (matched.Length == 0)
            {
                var lastIndex = TypeConverter.ToLength(regex.Get("lastIndex"));
                regex.Set("lastIndex", AdvanceStringIndex(subject, lastIndex, unicode), throwOnError: true);
            }
        }
    }

    private static double AdvanceStringIndex(string subject, ulong index, bool unicode)
    {
        if (!unicode || index + 1 >= (ulong)subject.Length)
        {
            return index + 1;
        }

        return char.IsSurrogatePair(subject[(int)index], subject[(int)index + 1]) ? index + 2 : index + 1;
    }
}
