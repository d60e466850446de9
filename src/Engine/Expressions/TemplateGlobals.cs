using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scriban.Runtime;

namespace Sleek.Workflows.Engine.Expressions;

/// <summary>
/// What a template sees: the globals it names, and of the instance's objects (<c>variables</c>, <c>input</c>,
/// <c>outputs</c>) only the members it reads as <c>variables.name</c>. A template that uses such an object any other
/// way (<c>for x in variables</c>, <c>variables[key]</c>, <c>object.keys variables</c>, printing it) gets all of it.
/// A template thus pays for what it reads, not for the whole state: a log line in a loop body does not convert a
/// 10,000-item list on every iteration.
/// </summary>
internal static class TemplateGlobals
{
    /// <summary>The globals of <paramref name="scope"/> that <paramref name="text"/> can read, as Scriban values.</summary>
    public static ScriptObject For(ExpressionScope scope, string text)
    {
        var globals = new ScriptObject();
        foreach (var (name, node) in scope.Globals())
        {
            if (!text.Contains(name, StringComparison.Ordinal))
            {
                continue;
            }

            if (node is JsonObject members && MembersRead(text, name) is { } read)
            {
                var some = new ScriptObject();
                foreach (var (member, child) in members.Where(m => read.Contains(m.Key)))
                {
                    some[member] = Convert(child);
                }

                globals[name] = some;
            }
            else
            {
                globals[name] = Convert(node);
            }
        }

        return globals;
    }

    /// <summary>
    /// The members <paramref name="text"/> reads of the global <paramref name="name"/> when it uses it only as
    /// <c>name.member</c>; null when it uses it any other way (then the template gets the whole object).
    /// </summary>
    internal static HashSet<string>? MembersRead(string text, string name)
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
        {
            if (at > 0 && IsNamePart(text[at - 1]))
            {
                continue; // part of a longer name (myvariables)
            }

            var end = at + name.Length;
            if (end < text.Length && IsNamePart(text[end]))
            {
                continue; // a longer name (variables2)
            }

            var member = end + 1;
            while (member < text.Length && IsNamePart(text[member]))
            {
                member++;
            }

            if (end >= text.Length || text[end] != '.' || member == end + 1)
            {
                return null;
            }

            read.Add(text[(end + 1)..member]);
        }

        return read;
    }

    /// <summary>A JSON node as Scriban values: script objects, script arrays, strings, longs, doubles, booleans.</summary>
    public static object? Convert(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => ToScriptObject(obj),
        JsonArray array => new ScriptArray(array.Select(Convert)),
        JsonValue value => value.GetValueKind() switch
        {
            // Through the JSON text: the value may wrap a CLR type (Guid, decimal, DateTime) that GetValue<string> refuses.
            JsonValueKind.String => JsonSerializer.Deserialize<string>(value.ToJsonString()),
            JsonValueKind.Number => long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                ? l
                : double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => null,
    };

    private static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static ScriptObject ToScriptObject(JsonObject obj)
    {
        var result = new ScriptObject();
        foreach (var (key, child) in obj)
        {
            result[key] = Convert(child);
        }

        return result;
    }
}
