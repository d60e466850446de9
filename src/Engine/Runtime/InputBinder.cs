using System.Text.Json;
using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Expressions;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>Evaluates a node's inputs and sets them on a fresh activity instance.</summary>
internal static class InputBinder
{
    /// <summary>
    /// Returns the evaluated inputs for the journal. With <paramref name="keepsState"/>, inputs marked
    /// <see cref="InputAttribute.OnlyWithoutState"/> are left alone: the activity carries what it took from them.
    /// </summary>
    /// <exception cref="ExpressionException">An input failed to evaluate or has the wrong type; the message names it.</exception>
    public static JsonObject Bind(IActivity activity, ActivityDescriptor descriptor, IReadOnlyDictionary<string, InputValue> values, ExpressionScope scope, bool keepsState)
    {
        var evaluated = new JsonObject();
        for (var i = 0; i < descriptor.Inputs.Count; i++)
        {
            var input = descriptor.Inputs[i];
            if (!values.TryGetValue(input.Name, out var value) || (keepsState && descriptor.OnlyWithoutState[i]))
            {
                continue;
            }

            JsonNode? node;
            try
            {
                node = input.LiteralOnly ? value.Literal?.DeepClone() : scope.Evaluator.Evaluate(value, scope);
            }
            catch (ExpressionException ex)
            {
                throw new ExpressionException($"input '{input.Name}': {ex.Message}", ex);
            }

            var property = descriptor.InputProperties[i];
            property.SetValue(activity, Convert(node, property.PropertyType, input.Name));
            evaluated[input.Name] = node?.DeepClone();
        }

        return evaluated;
    }

    private static object? Convert(JsonNode? node, Type type, string name)
    {
        if (node is null)
        {
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        }

        if (type == typeof(JsonNode))
        {
            return node;
        }

        // Strings are forgiving: a number or boolean written where text is expected becomes its text.
        if (type == typeof(string) && node is JsonValue v && v.GetValueKind() != JsonValueKind.String)
        {
            return node.ToJsonString();
        }

        try
        {
            return node.Deserialize(type, InputJson.Options);
        }
        catch (JsonException ex)
        {
            throw new ExpressionException($"input '{name}': expected {Describe(type)} but got {node.GetValueKind().ToString().ToLowerInvariant()} ({Truncate(node.ToJsonString())}): {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new ExpressionException($"input '{name}': expected {Describe(type)}: {ex.Message}", ex);
        }
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(string) => "a string",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) || type == typeof(decimal) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(JsonArray) || type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) => "a list",
        _ => "an object",
    };

    private static string Truncate(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
