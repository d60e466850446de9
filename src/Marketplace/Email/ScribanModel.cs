using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scriban.Runtime;

namespace Sleek.Workflows.Marketplace.Email;

/// <summary>
/// Turns a JSON model into Scriban values with the JSON names kept as they are (no snake_case):
/// objects become <see cref="ScriptObject"/>, arrays <see cref="ScriptArray"/>, numbers
/// <see cref="long"/> or <see cref="decimal"/> (money stays exact), strings and booleans as such.
/// </summary>
internal static class ScribanModel
{
    public static ScriptObject FromJson(JsonObject model, IEnumerable<string> optionalFields)
    {
        var result = (ScriptObject)Convert(model)!;
        foreach (var field in optionalFields)
        {
            if (!result.ContainsKey(field))
            {
                result[field] = null;
            }
        }

        return result;
    }

    private static object? Convert(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => ToObject(obj),
        JsonArray array => ToArray(array),
        JsonValue value => ToValue(value),
        _ => throw new ArgumentException($"Unexpected JSON node {node.GetType().Name}"),
    };

    private static ScriptObject ToObject(JsonObject obj)
    {
        var result = new ScriptObject(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            result[key] = Convert(value);
        }

        return result;
    }

    private static ScriptArray ToArray(JsonArray array)
    {
        var result = new ScriptArray(array.Count);
        foreach (var item in array)
        {
            result.Add(Convert(item));
        }

        return result;
    }

    private static object? ToValue(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return value.GetValue<string>();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            case JsonValueKind.Number:
                // The node may wrap a JsonElement or any CLR number (int, double, ...): go through its JSON text.
                var text = value.ToJsonString();
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                {
                    return whole;
                }

                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
                    ? exact
                    : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            default:
                return value.ToJsonString();
        }
    }
}
