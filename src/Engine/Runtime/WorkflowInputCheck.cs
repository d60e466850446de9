using System.Text.Json;
using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Definitions;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>Checks a start input against the inputs a definition declares.</summary>
internal static class WorkflowInputCheck
{
    public static Dictionary<string, string[]> Check(WorkflowDefinition definition, JsonObject input)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var declared in definition.Inputs)
        {
            var value = input[declared.Name];
            if (value is null)
            {
                if (declared.Required)
                {
                    errors[$"input.{declared.Name}"] = ["is required"];
                }

                continue;
            }

            var kind = value.GetValueKind();
            var ok = declared.Type switch
            {
                "string" => kind == JsonValueKind.String,
                "number" => kind == JsonValueKind.Number,
                "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
                "object" => kind == JsonValueKind.Object,
                "array" => kind == JsonValueKind.Array,
                _ => true,
            };
            if (!ok)
            {
                errors[$"input.{declared.Name}"] = [$"must be of type {declared.Type}"];
            }
        }

        return errors;
    }
}
