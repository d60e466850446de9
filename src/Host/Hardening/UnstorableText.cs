using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Sleek.Workflows.Host.Hardening;

/// <summary>
/// Text no database here stores: NUL (U+0000, which PostgreSQL refuses in <c>text</c> and <c>jsonb</c>), a surrogate
/// without its pair (not text at all: Npgsql cannot encode it, <c>jsonb</c> refuses its escape), and bytes that are not
/// UTF-8. Finds the first such place in a string or in every string (and member name) of a JSON document.
/// </summary>
internal static class UnstorableText
{
    public const string Nul = "contains a NUL character (U+0000), which cannot be stored";
    public const string NotUtf8 = "is not valid UTF-8 text";

    /// <summary>Why <paramref name="text"/> cannot be stored, or null when it can.</summary>
    public static string? Problem(ReadOnlySpan<char> text)
    {
        // Fast path, vectorized: almost every text has neither.
        var nul = text.IndexOf('\0');
        var surrogate = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (nul < 0 && surrogate < 0)
        {
            return null;
        }

        if (nul >= 0 && (surrogate < 0 || nul < surrogate))
        {
            return Nul;
        }

        for (var i = surrogate; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return Nul;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return Unpaired(c);
            }
        }

        return null;
    }

    /// <summary>
    /// The first string or member name of the JSON <paramref name="utf8"/> that cannot be stored, as (field path, why);
    /// null when there is none or the body is not JSON (its endpoint refuses that itself, naming the field). Paths read as
    /// in the problems of the endpoints: <c>input.items[2].name</c>, <c>body</c> for a document that is one string.
    /// </summary>
    public static (string Field, string Problem)? FindInJson(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        // Lenient like the most lenient reader of a body here (rule sets allow comments and trailing commas).
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new List<Segment>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        path.Add(new Segment(reader.TokenType == JsonTokenType.StartArray, null));
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = Read(ref reader, out var nameProblem);
                        if (nameProblem is not null)
                        {
                            // The object holding the member is the field to name (the member before it is not).
                            path[^1] = path[^1] with { Name = null };
                            return (FieldOf(path), "has a member name that " + nameProblem);
                        }

                        path[^1] = path[^1] with { Name = name };
                        continue;
                    case JsonTokenType.String:
                        Read(ref reader, out var problem);
                        if (problem is not null)
                        {
                            return (FieldOf(path), problem);
                        }

                        break;
                }

                // A value ends: the next one in an array is one further on.
                if (path.Count > 0 && path[^1].IsArray)
                {
                    path[^1] = path[^1] with { Index = path[^1].Index + 1 };
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (or too deep): the endpoint answers that itself.
            return null;
        }

        return null;
    }

    /// <summary>The value of the current string token, and why it cannot be stored (null when it can).</summary>
    private static string? Read(ref Utf8JsonReader reader, out string? problem)
    {
        if (!reader.ValueIsEscaped)
        {
            // Raw bytes: JSON forbids raw control characters (the reader refused a raw NUL already), so only UTF-8 is left to check.
            problem = Utf8.IsValid(reader.ValueSpan) ? null : NotUtf8;
            return reader.TokenType == JsonTokenType.PropertyName && problem is null ? reader.GetString() : null;
        }

        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses an escaped surrogate without its pair ("\uD800") as invalid UTF-16.
            problem = "contains an unpaired surrogate escape, which is not valid text";
            return null;
        }

        problem = Problem(value);
        return value;
    }

    private static string Unpaired(char c) => $"contains an unpaired surrogate (U+{(int)c:X4}), which is not valid text";

    private static string FieldOf(List<Segment> path)
    {
        var text = new StringBuilder();
        foreach (var segment in path)
        {
            if (segment.IsArray)
            {
                text.Append('[').Append(segment.Index).Append(']');
            }
            else if (segment.Name is { } name)
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(Printable(name));
            }
        }

        return text.Length > 0 ? text.ToString() : "body";
    }

    /// <summary>A field name as it can be shown (and stored in an audit entry): control characters and surrogates escaped.</summary>
    public static string Printable(string name)
    {
        if (!name.AsSpan().ContainsAnyInRange('\0', '\u001F') && !name.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return name;
        }

        var text = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            text.Append(c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return text.ToString();
    }

    /// <summary>One level of the path: a member of an object (its name once read) or an element of an array (its index).</summary>
    private readonly record struct Segment(bool IsArray, string? Name, int Index = 0);
}
