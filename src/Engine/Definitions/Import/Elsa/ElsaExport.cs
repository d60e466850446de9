using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Definitions.Import.Elsa;

/// <summary>Recognises an Elsa 3 workflow export (a WorkflowDefinitionModel as Elsa Studio writes it).</summary>
public static class ElsaExport
{
    /// <summary>Whether <paramref name="json"/> is an Elsa 3 export: its root is an <c>Elsa.*</c> activity, or its root's activities are.</summary>
    public static bool Is(JsonNode? json)
    {
        if (json is not JsonObject document || document["root"] is not JsonObject root)
        {
            return false;
        }

        if (Text(root["type"]) is { } type && type.StartsWith("Elsa.", StringComparison.Ordinal))
        {
            return true;
        }

        return root["activities"] is JsonArray activities
            && activities.OfType<JsonObject>().Any(a => Text(a["type"])?.StartsWith("Elsa.", StringComparison.Ordinal) == true);
    }

    /// <summary>The node at <paramref name="keys"/> under objects only (an Elsa export written by hand may hold a value where an object is expected).</summary>
    internal static JsonNode? At(JsonNode? node, params string[] keys)
    {
        foreach (var key in keys)
        {
            node = node is JsonObject o ? o[key] : null;
        }

        return node;
    }

    internal static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}
