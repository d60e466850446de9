using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sleek.Workflows.Engine.Definitions.Import.Elsa;

/// <summary>
/// Carries an Elsa input (<c>{typeName, expression: {type, value}}</c>) over to one of ours: a literal, <c>$js</c> or
/// <c>$var</c>. C#, Python and Liquid cannot be carried over (their meaning differs from anything we run); each one is an error.
/// </summary>
internal sealed partial class ElsaExpressions(IReadOnlyDictionary<string, string> variableNames, List<ValidationError> errors, List<string> warnings)
{
    /// <summary>True when the Elsa input holds something (an empty literal is the same as no input).</summary>
    public bool TryConvert(JsonNode? raw, string field, string activityId, out JsonNode? value)
    {
        value = null;
        if (raw is not JsonObject input || input["expression"] is not JsonObject expression)
        {
            // A bare value (hand-written exports) is a literal.
            if (raw is JsonValue or JsonArray)
            {
                value = raw.DeepClone();
                return true;
            }

            return false;
        }

        var kind = ElsaExport.Text(expression["type"]) ?? "Literal";
        var v = expression["value"];
        if (v is null || (v is JsonValue s && s.TryGetValue<string>(out var text) && text.Length == 0))
        {
            return false;
        }

        var typeName = ElsaExport.Text(input["typeName"]);
        switch (kind)
        {
            case "Literal":
                value = Literal(v, typeName);
                return true;
            case "Object":
            case "Json":
                value = v is JsonValue str && str.TryGetValue<string>(out var json) ? ParseOrText(json) : v.DeepClone();
                return true;
            case "JavaScript":
                return TryJavaScript(ElsaExport.Text(v) ?? v.ToJsonString(), field, activityId, out value);
            case "Variable":
                var reference = v is JsonObject r ? ElsaExport.Text(r["name"]) ?? ElsaExport.Text(r["id"]) : ElsaExport.Text(v);
                if (reference is null)
                {
                    return false;
                }

                value = new JsonObject { ["$var"] = variableNames.GetValueOrDefault(reference, reference) };
                return true;
            default:
                var language = kind is "CSharp" or "C#" ? "C#" : kind;
                errors.Add(new(field, activityId, $"a {language} expression cannot be carried over ({Excerpt(v)}); rewrite it in JavaScript or as a literal"));
                return false;
        }
    }

    /// <summary>Elsa's JavaScript helpers rewritten to our globals: getVariable("x") → variables.x, getInput("x") → input.x.</summary>
    private bool TryJavaScript(string script, string field, string activityId, out JsonNode? value)
    {
        value = null;
        if (SetVariableCall().IsMatch(script))
        {
            errors.Add(new(field, activityId, $"a JavaScript expression that sets variables cannot be carried over ({Excerpt(JsonValue.Create(script))}); use a SetVariable activity"));
            return false;
        }

        var rewritten = GetVariableCall().Replace(script, m => $"variables.{m.Groups["name"].Value}");
        rewritten = GetInputCall().Replace(rewritten, m => $"input.{m.Groups["name"].Value}");
        if (rewritten != script)
        {
            warnings.Add($"activity '{activityId}': getVariable/getInput calls were rewritten as variables.x / input.x");
        }

        value = new JsonObject { ["$js"] = rewritten };
        return true;
    }

    /// <summary>Elsa stores most literals as text; read numbers, booleans and JSON by the input's declared type.</summary>
    internal static JsonNode? Literal(JsonNode v, string? typeName)
    {
        if (v is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            return v.DeepClone();
        }

        var type = (typeName ?? "").ToLowerInvariant();
        type = type.StartsWith("system.", StringComparison.Ordinal) ? type["system.".Length..] : type;
        if (type is "int32" or "int64" or "int16" or "double" or "single" or "decimal" or "number" or "float")
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                ? (n == Math.Floor(n) && Math.Abs(n) < 1e15 ? JsonValue.Create((long)n) : JsonValue.Create(n))
                : JsonValue.Create(text);
        }

        if (type is "boolean" or "bool")
        {
            return JsonValue.Create(string.Equals(text, "true", StringComparison.OrdinalIgnoreCase));
        }

        if (type is "object" or "expandoobject" || type.EndsWith("[]", StringComparison.Ordinal) || type.Contains("list", StringComparison.Ordinal) || type.Contains("dictionary", StringComparison.Ordinal) || type.Contains("httpheaders", StringComparison.Ordinal))
        {
            return ParseOrText(text);
        }

        return JsonValue.Create(text);
    }

    private static JsonNode? ParseOrText(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private static string Excerpt(JsonNode v)
    {
        var text = ElsaExport.Text(v) ?? v.ToJsonString();
        return text.Length <= 60 ? $"'{text}'" : $"'{text[..57]}...'";
    }

    [GeneratedRegex(@"\bsetVariable\s*\(")]
    private static partial Regex SetVariableCall();

    [GeneratedRegex(@"\bgetVariable\s*\(\s*[""'](?<name>[A-Za-z_$][A-Za-z0-9_$]*)[""']\s*\)")]
    private static partial Regex GetVariableCall();

    [GeneratedRegex(@"\bgetInput\s*\(\s*[""'](?<name>[A-Za-z_$][A-Za-z0-9_$]*)[""']\s*\)")]
    private static partial Regex GetInputCall();
}
