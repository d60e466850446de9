using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Expressions;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>Continues through every branch at once.</summary>
[Activity("Fork", InProcess = true, Category = "Flow", Ports = [], Description = "Runs every branch in parallel; merge them again with a Join.")]
public sealed class Fork : IActivity, IHasDynamicPorts, IValidatesInputs
{
    /// <summary>Branch (port) names.</summary>
    [Input(Required = true, LiteralOnly = true, Description = "Names of the branches, e.g. [\"Payment\", \"Timeout\"].")]
    public List<string> Branches { get; set; } = [];

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Outcomes(Branches));

    /// <inheritdoc />
    public IEnumerable<string> GetPorts(IReadOnlyDictionary<string, JsonNode?> inputs) => ReadBranches(inputs);

    /// <inheritdoc />
    public IEnumerable<(string Input, string Message)> Validate(IReadOnlyDictionary<string, JsonNode?> inputs, ExpressionSyntax syntax)
    {
        var branches = ReadBranches(inputs);
        if (inputs.ContainsKey("branches") && branches.Count == 0)
        {
            yield return ("branches", "give at least one branch name");
        }

        if (branches.Distinct(StringComparer.Ordinal).Count() != branches.Count)
        {
            yield return ("branches", "branch names must be unique");
        }
    }

    private static List<string> ReadBranches(IReadOnlyDictionary<string, JsonNode?> inputs) =>
        inputs.TryGetValue("branches", out var node) && InputValue.Parse(node) is { Kind: InputKind.Literal, Literal: JsonArray array }
            ? [.. array.Select(b => b is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").Where(s => s.Length > 0)]
            : [];
}
