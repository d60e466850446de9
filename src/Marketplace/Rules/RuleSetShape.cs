using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>
/// What a rule set's expressions are compiled against: one typed input, always named <c>input1</c>
/// (RulesEngine's default). One shape per rule set because one RulesEngine instance must always see the
/// same input type (docs/dependencies.md §2 pitfall).
/// </summary>
/// <param name="Name">The rule set's name: its file name in <c>rules/</c> without <c>.json</c>.</param>
/// <param name="InputType">The typed input record, e.g. <see cref="AutomationInput"/>.</param>
/// <param name="Description">What the rule set decides.</param>
public sealed record RuleSetShape(string Name, Type InputType, string Description)
{
    /// <summary>The name expressions use for the input.</summary>
    public const string ParameterName = "input1";

    private static readonly JsonSerializerOptions InputOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Reads a JSON object (e.g. an activity input) as this shape's input type; missing fields keep their defaults.</summary>
    /// <exception cref="JsonException">The JSON does not fit the input type.</exception>
    public object ReadInput(JsonNode? json) =>
        (json ?? new JsonObject()).Deserialize(InputType, InputOptions)
        ?? throw new JsonException($"The input of rule set '{Name}' is null.");
}
