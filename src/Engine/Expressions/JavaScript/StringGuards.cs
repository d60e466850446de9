using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Native.Symbol;
using Jint.Runtime;

namespace Sleek.Workflows.Engine.Expressions.JavaScript;

/// <summary>
/// Guards on the string built-ins whose result can be much larger than what they are given: each sizes its result
/// from the converted arguments and reserves it before the original runs (<c>'x'.repeat(3e8)</c> is refused, not
/// attempted). Those whose result is at most a few times their input reserve that worst case.
/// </summary>
internal static class StringGuards
{
    public static void Install(Guards guards)
    {
        var proto = guards.Prototype("String");
        guards.Replace(proto, "repeat", "repeat", 1, original => (self, args) =>
        {
            if (self.IsNull() || self.IsUndefined())
            {
                return guards.Call(original, self, args);
            }

            var text = Guards.Text(self);
            var count = TypeConverter.ToIntegerOrInfinity(Guards.Arg(args, 0));
            if (count > 0 && !double.IsInfinity(count))
            {
                guards.Budget.ReserveChars(text.Length * count);
            }

            return guards.Call(original, text, count);
        });

        foreach (var name in new[] { "padStart", "padEnd" })
        {
            guards.Replace(proto, name, name, 1, original => (self, args) =>
            {
                if (self.IsNull() || self.IsUndefined())
                {
                    return guards.Call(original, self, args);
                }

                var text = Guards.Text(self);
                double length = TypeConverter.ToLength(Guards.Arg(args, 0));
                var fill = Guards.Arg(args, 1);
                if (length > text.Length)
                {
                    guards.Budget.ReserveChars(length);
                }

                return guards.Call(original, text, length, fill.IsUndefined() ? fill : Guards.Text(fill));
            });
        }

        guards.Replace(proto, "concat", "concat", 1, original => (self, args) =>
        {
            if (self.IsNull() || self.IsUndefined())
            {
                return guards.Call(original, self, args);
            }

            var parts = new JsValue[args.Length];
            double total = Guards.Text(self).Length;
            for (var i = 0; i < args.Length; i++)
            {
                var part = Guards.Text(args[i]);
                total += part.Length;
                parts[i] = part;
            }

            guards.Budget.ReserveChars(total);
            return guards.Call(original, self, parts);
        });

        // Case mapping can lengthen a string (ß → SS); compatibility decomposition up to 18 times (U+FDFA).
        foreach (var name in new[] { "toUpperCase", "toLowerCase", "toLocaleUpperCase", "toLocaleLowerCase" })
        {
            GuardGrowth(guards, proto, name, _ => 3);
        }

        GuardGrowth(guards, proto, "normalize", args =>
            Guards.Arg(args, 0) is var form && !form.IsUndefined() && Guards.Text(form).StartsWith("NFK", StringComparison.Ordinal) ? 18 : 3);

        foreach (var name in new[] { "replace", "replaceAll" })
        {
            guards.Replace(proto, name, name, 2, original => (self, args) =>
                guards.Call(original, self, Guards.Arg(args, 0), Substitution.Guard(guards, Guards.Arg(args, 1))));
        }

        // A pattern given as text becomes a regular expression inside these (not through the RegExp global).
        foreach (var (name, symbol) in new[] { ("match", GlobalSymbolRegistry.Match), ("matchAll", GlobalSymbolRegistry.MatchAll), ("search", GlobalSymbolRegistry.Search) })
        {
            guards.Replace(proto, name, name, 1, original => (self, args) =>
            {
                var pattern = Guards.Arg(args, 0);
                if (pattern is ObjectInstance o && !o.Get(symbol).IsUndefined())
                {
                    return guards.Call(original, self, pattern);
                }

                if (!pattern.IsUndefined() && !pattern.IsNull())
                {
                    pattern = Guards.Text(pattern);
                    RegExpGuards.ReservePattern(guards, pattern.AsString());
                }

                return guards.Call(original, self, pattern);
            });
        }

        var stringConstructor = guards.Global("String");
        guards.Replace(stringConstructor, "raw", "raw", 1, _ => (_, args) => Raw(guards, args));

        // Percent-encoding: at most nine characters (%XX%XX%XX) per character of input.
        foreach (var (name, growth) in new[] { ("encodeURI", 9), ("encodeURIComponent", 9), ("escape", 6) })
        {
            var global = guards.Engine.Global;
            guards.Replace(global, name, name, 1, original => (self, args) =>
            {
                var text = Guards.Text(Guards.Arg(args, 0));
                guards.Budget.ReserveChars((double)text.Length * growth);
                return guards.Call(original, self, text);
            });
        }
    }

    /// <summary>A method whose result is at most <paramref name="growth"/> times as long as its string.</summary>
    private static void GuardGrowth(Guards guards, ObjectInstance proto, string name, Func<JsValue[], int> growth)
    {
        guards.Replace(proto, name, name, 0, original => (self, args) =>
        {
            if (self.IsNull() || self.IsUndefined())
            {
                return guards.Call(original, self, args);
            }

            var text = Guards.Text(self);
            guards.Budget.ReserveChars((double)text.Length * growth(args));
            return guards.Call(original, text, args);
        });
    }

    /// <summary>String.raw, built here so every piece is reserved before it is appended.</summary>
    private static JsString Raw(Guards guards, JsValue[] args)
    {
        var cooked = guards.ToObject(Guards.Arg(args, 0));
        var raw = guards.ToObject(cooked.Get("raw"));
        var count = TypeConverter.ToLength(raw.Get("length"));
        var result = new StringBuilder();
        for (ulong i = 0; i < count; i++)
        {
            guards.Tick();
            Append(guards, result, Guards.Text(raw.Get(JsNumber.Create((double)i))));
            if (i + 1 == count)
            {
                break;
            }

            if ((long)i + 1 < args.Length)
            {
                Append(guards, result, Guards.Text(args[(long)i + 1]));
            }
        }

        return new JsString(result.ToString());
    }

    private static void Append(Guards guards, StringBuilder result, string piece)
    {
        guards.Budget.ReserveChars(piece.Length);
        result.Append(piece);
    }
}
