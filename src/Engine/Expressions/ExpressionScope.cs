using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Expressions;

/// <summary>The data expressions of one instance can read: variables, workflow input and activity outputs.</summary>
internal sealed class ExpressionScope(
    ExpressionEvaluator evaluator,
    Guid instanceId,
    string? correlationId,
    string definitionId,
    int version,
    JsonObject variables,
    JsonObject input,
    JsonObject outputs)
{
    public ExpressionEvaluator Evaluator { get; } = evaluator;

    public Guid InstanceId { get; } = instanceId;

    public string? CorrelationId { get; } = correlationId;

    public string DefinitionId { get; } = definitionId;

    public int Version { get; } = version;

    public JsonObject Variables { get; } = variables;

    public JsonObject Input { get; } = input;

    public JsonObject Outputs { get; } = outputs;

    /// <summary>
    /// The globals expressions see. The state nodes are shared, not copied: evaluators only read them
    /// (JavaScript gets its own parsed copy, templates their own script objects).
    /// </summary>
    public IEnumerable<(string Name, JsonNode? Value)> Globals()
    {
        yield return ("variables", Variables);
        yield return ("input", Input);
        yield return ("outputs", Outputs);
        yield return ("instanceId", JsonValue.Create(InstanceId.ToString()));
        yield return ("correlationId", CorrelationId is null ? null : JsonValue.Create(CorrelationId));
        yield return ("workflow", new JsonObject { ["definitionId"] = DefinitionId, ["version"] = Version });
    }
}
