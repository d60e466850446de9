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

    /// <summary>The globals expressions see, as one JSON object.</summary>
    public JsonObject ToGlobals() => new()
    {
        ["variables"] = Variables.DeepClone(),
        ["input"] = Input.DeepClone(),
        ["outputs"] = Outputs.DeepClone(),
        ["instanceId"] = InstanceId.ToString(),
        ["correlationId"] = CorrelationId,
        ["workflow"] = new JsonObject { ["definitionId"] = DefinitionId, ["version"] = Version },
    };
}
