using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>Continues through True or False.</summary>
[Activity("Decision", InProcess = true, Category = "Flow", Ports = ["True", "False"], Description = "Continues through True when the condition holds, else False.", OutputType = "boolean")]
public sealed class Decision : IActivity
{
    /// <summary>Usually a JavaScript expression; truthiness follows JavaScript.</summary>
    [Input(Required = true, ExpressionOnly = true, Description = "A condition in JavaScript, such as variables.total > 1000.", UiHint = "javascript")]
    public JsonNode? Condition { get; set; }

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var result = IsTruthy(Condition);
        return ValueTask.FromResult(ActivityResult.Outcome(result ? "True" : "False", result));
    }

    /// <summary>JavaScript truthiness of a JSON value.</summary>
    internal static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            JsonValueKind.Number => double.TryParse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture, out var d) && d != 0 && !double.IsNaN(d),
            _ => false,
        },
        _ => true,
    };
}
