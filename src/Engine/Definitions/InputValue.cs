using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Definitions;

/// <summary>The kinds of input value a definition can hold.</summary>
public enum InputKind
{
    /// <summary>A JSON value used as it is.</summary>
    Literal,

    /// <summary>JavaScript evaluated by the sandboxed Jint engine: <c>{"$js": "variables.total * 0.3"}</c>.</summary>
    JavaScript,

    /// <summary>A variable's current value: <c>{"$var": "total"}</c>.</summary>
    Variable,

    /// <summary>A Scriban template rendered to a string: <c>{"$template": "Hello {{ variables.name }}"}</c>.</summary>
    Template,
}

/// <summary>
/// One input value of an activity. An object whose only property is <c>$js</c>, <c>$var</c> or
/// <c>$template</c> is an expression; <c>{"$literal": …}</c> escapes a literal that would look like one;
/// anything else is a literal.
/// </summary>
public sealed record InputValue(InputKind Kind, JsonNode? Literal, string? Expression)
{
    /// <summary>Property name marking JavaScript.</summary>
    public const string JavaScriptKey = "$js";

    /// <summary>Property name marking a variable reference.</summary>
    public const string VariableKey = "$var";

    /// <summary>Property name marking a Scriban template.</summary>
    public const string TemplateKey = "$template";

    /// <summary>Property name escaping a literal.</summary>
    public const string LiteralKey = "$literal";

    /// <summary>Reads a definition's raw input value. Returns null when an expression marker holds a non-string.</summary>
    public static InputValue? Parse(JsonNode? node)
    {
        if (node is JsonObject obj && obj.Count == 1)
        {
            var (key, value) = obj.First();
            switch (key)
            {
                case LiteralKey:
                    return new InputValue(InputKind.Literal, value?.DeepClone(), null);
                case JavaScriptKey:
                case VariableKey:
                case TemplateKey:
                    if (value is not JsonValue v || !v.TryGetValue<string>(out var text))
                    {
                        return null;
                    }

                    var kind = key switch
                    {
                        JavaScriptKey => InputKind.JavaScript,
                        VariableKey => InputKind.Variable,
                        _ => InputKind.Template,
                    };
                    return new InputValue(kind, null, text);
            }
        }

        return new InputValue(InputKind.Literal, node, null);
    }
}
