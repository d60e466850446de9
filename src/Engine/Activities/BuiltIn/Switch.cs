using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Expressions;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>Continues through the first case whose condition holds, else Default.</summary>
[Activity("Switch", InProcess = true, Category = "Flow", Ports = ["Default"], Description = "Continues through the first case whose JavaScript condition holds, else Default.", OutputType = "string")]
public sealed class Switch : IActivity, IHasDynamicPorts, IValidatesInputs
{
    /// <summary>Cases in order: <c>[{"port": "Large", "condition": "variables.qty > 1000"}]</c>.</summary>
    [Input(Required = true, LiteralOnly = true, Description = "Cases in order, each {port, condition} where condition is JavaScript.", UiHint = "cases")]
    public List<SwitchCase> Cases { get; set; } = [];

    /// <summary>When true, every matching case's port is taken, not only the first.</summary>
    [Input(Description = "Take every matching case instead of the first.")]
    public bool MatchAll { get; set; }

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var matched = new List<string>();
        foreach (var c in Cases)
        {
            if (Decision.IsTruthy(context.EvaluateJavaScript(c.Condition)))
            {
                matched.Add(c.Port);
                if (!MatchAll)
                {
                    break;
                }
            }
        }

        return ValueTask.FromResult(matched.Count == 0
            ? ActivityResult.Outcome("Default", "Default")
            : ActivityResult.Outcomes(matched, string.Join(",", matched)));
    }

    /// <inheritdoc />
    public IEnumerable<string> GetPorts(IReadOnlyDictionary<string, JsonNode?> inputs) =>
        ReadCases(inputs).Select(c => c.Port).Where(p => p.Length > 0);

    /// <inheritdoc />
    public IEnumerable<(string Input, string Message)> Validate(IReadOnlyDictionary<string, JsonNode?> inputs, ExpressionSyntax syntax)
    {
        var cases = ReadCases(inputs);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < cases.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(cases[i].Port))
            {
                yield return ("cases", $"case {i + 1} has no port name");
            }
            else if (!seen.Add(cases[i].Port) || cases[i].Port == "Default")
            {
                yield return ("cases", $"case {i + 1}: port '{cases[i].Port}' is used twice");
            }

            if (syntax.CheckJavaScript(cases[i].Condition) is { } error)
            {
                yield return ("cases", $"case {i + 1} ('{cases[i].Port}'): condition does not parse: {error}");
            }
        }
    }

    private static List<SwitchCase> ReadCases(IReadOnlyDictionary<string, JsonNode?> inputs)
    {
        if (!inputs.TryGetValue("cases", out var node) || InputValue.Parse(node) is not { Kind: InputKind.Literal, Literal: JsonArray array })
        {
            return [];
        }

        return [.. array.Select(item => new SwitchCase
        {
            Port = item?["port"] is JsonValue p && p.TryGetValue<string>(out var port) ? port : "",
            Condition = item?["condition"] is JsonValue c && c.TryGetValue<string>(out var condition) ? condition : "",
        })];
    }
}
