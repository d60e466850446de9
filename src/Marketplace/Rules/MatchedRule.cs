using System.Text.Json.Nodes;

namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>A rule whose expression held.</summary>
/// <param name="Workflow">The RulesEngine workflow it belongs to.</param>
/// <param name="Rule">The rule's name.</param>
/// <param name="SuccessEvent">Its SuccessEvent text (the "why"), if any.</param>
/// <param name="Output">Its OnSuccess OutputExpression's value, e.g. <c>{"action":"admin_review"}</c>, if any.</param>
public sealed record MatchedRule(string Workflow, string Rule, string? SuccessEvent, JsonNode? Output)
{
    /// <summary>The action the output names: the output itself when it is a string, else its <c>action</c> property.</summary>
    public string? Action => Output switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonObject o when o["action"] is JsonValue a && a.TryGetValue<string>(out var s) => s,
        _ => null,
    };
}
