using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Sleek.Workflows.Engine.Definitions;

/// <summary>How definitions are written and read: camelCase, indented, nulls left out.</summary>
public static class DefinitionJson
{
    /// <summary>Serializer options for definition files and API bodies.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 64,
    };

    /// <summary>The definition as indented JSON.</summary>
    public static string Serialize(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);

    /// <summary>A canonical form for comparing two definitions regardless of formatting and property order.</summary>
    public static string Canonical(WorkflowDefinition definition) =>
        Canonicalize(JsonSerializer.SerializeToNode(definition, Options))?.ToJsonString() ?? "null";

    private static JsonNode? Canonicalize(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonicalize(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Canonicalize)]),
        _ => node?.DeepClone(),
    };
}
