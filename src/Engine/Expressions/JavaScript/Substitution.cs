using System.Globalization;
using System.Text;
using Jint;
using Jint.Native;
using Jint.Runtime;

namespace Sleek.Workflows.Engine.Expressions.JavaScript;

/// <summary>
/// The replacement side of <c>replace</c>/<c>replaceAll</c>. A replacement string is expanded per match by the
/// built-in (<c>$`</c> inserts everything before the match, so <c>s.replaceAll('x', '$`')</c> grows with the square
/// of the input) without any check until it has finished. Here the replacement becomes a function that expands the
/// same <c>$</c> patterns (GetSubstitution, ECMA-262 §22.1.3.19.1) and reserves each expansion before it is used; a
/// replacement function the script gave has its results reserved the same way.
/// </summary>
internal static class Substitution
{
    /// <summary>The replace value to hand the built-in instead of <paramref name="replaceValue"/>.</summary>
    public static JsValue Guard(Guards guards, JsValue replaceValue)
    {
        if (replaceValue.IsCallable())
        {
            return guards.Function("replacer", 0, (self, args) =>
            {
                guards.Tick();
                var text = Guards.Text(guards.Call(replaceValue, self, args));
                guards.Budget.ReserveChars(text.Length);
                return text;
            });
        }

        var template = Guards.Text(replaceValue);
        return guards.Function("replacer", 0, (_, args) =>
        {
            guards.Tick();
            return Expand(guards, template, args);
        });
    }

    /// <summary>
    /// Expands <paramref name="template"/> for one match. A replacer is called with (matched, captures…, position,
    /// string) and, when the pattern has named groups, the groups object last.
    /// </summary>
    private static string Expand(Guards guards, string template, JsValue[] args)
    {
        var hasGroups = args.Length >= 4 && args[^1].IsObject();
        var captureCount = args.Length - (hasGroups ? 4 : 3);
        var matched = Guards.Text(args[0]);
        var position = (int)TypeConverter.ToIntegerOrInfinity(args[captureCount + 1]);
        var subject = Guards.Text(args[captureCount + 2]);
        var groups = hasGroups ? args[^1] : JsValue.Undefined;

        var result = new StringBuilder();
        for (var i = 0; i < template.Length;)
        {
            // The piece is reserved before it is copied: $` and $' are slices of the whole subject.
            var (consumed, source, start, length) = Reference(template, i, matched, subject, position, args, captureCount, groups);
            guards.Budget.ReserveChars(length);
            result.Append(source, start, length);
            i += consumed;
        }

        return result.ToString();
    }

    /// <summary>The reference at <paramref name="at"/>: how many template characters it spans and the slice it stands for.</summary>
    private static (int Consumed, string Source, int Start, int Length) Reference(string template, int at, string matched, string subject, int position, JsValue[] args, int captureCount, JsValue groups)
    {
        if (template[at] != '$' || at + 1 >= template.Length)
        {
            var next = template.IndexOf('$', at + 1);
            var end = next < 0 ? template.Length : next;
            return (end - at, template, at, end - at);
        }

        var c = template[at + 1];
        switch (c)
        {
            case '$':
                return (2, template, at, 1);
            case '&':
                return Whole(2, matched);
            case '`':
                return (2, subject, 0, Math.Clamp(position, 0, subject.Length));
            case '\'':
                var tail = Math.Clamp(position + matched.Length, 0, subject.Length);
                return (2, subject, tail, subject.Length - tail);
            case >= '0' and <= '9':
                var digits = at + 2 < template.Length && char.IsAsciiDigit(template[at + 2]) ? 2 : 1;
                var index = int.Parse(template.AsSpan(at + 1, digits), CultureInfo.InvariantCulture);
                if (index > captureCount && digits == 2)
                {
                    digits = 1;
                    index = c - '0';
                }

                if (index >= 1 && index <= captureCount)
                {
                    var capture = args[index];
                    return Whole(1 + digits, capture.IsUndefined() ? "" : Guards.Text(capture));
                }

                return (1 + digits, template, at, 1 + digits);
            case '<':
                var close = template.IndexOf('>', at + 2);
                if (close < 0 || groups.IsUndefined())
                {
                    return (2, template, at, 2);
                }

                var value = groups.AsObject().Get(template[(at + 2)..close]);
                return Whole(close - at + 1, value.IsUndefined() ? "" : Guards.Text(value));
            default:
                return (1, template, at, 1);
        }
    }

    private static (int Consumed, string Source, int Start, int Length) Whole(int consumed, string text) => (consumed, text, 0, text.Length);
}
