using System.Text.Json.Nodes;

namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>What one run of a rule set found: which rules matched (with outputs) and which failed (with why).</summary>
/// <param name="RuleSet">The rule set's name.</param>
/// <param name="Version">The version that ran (0 for a candidate).</param>
/// <param name="Matched">Rules that held, in rule order.</param>
/// <param name="Failed">Rules that did not hold or threw, in rule order.</param>
public sealed record RuleSetResult(string RuleSet, int Version, IReadOnlyList<MatchedRule> Matched, IReadOnlyList<FailedRule> Failed)
{
    /// <summary>The first matched rule's action (see <see cref="MatchedRule.Action"/>), or null.</summary>
    public string? FirstAction => Matched.Select(m => m.Action).FirstOrDefault(a => a is not null);

    /// <summary>
    /// The result as JSON for an activity's output (and so the journal):
    /// <c>{ruleSet, version, action, matched:[{workflow, rule, successEvent, output}], failed:[{workflow, rule, message}]}</c>.
    /// </summary>
    public JsonObject ToJson() => new()
    {
        ["ruleSet"] = RuleSet,
        ["version"] = Version,
        ["action"] = FirstAction,
        ["matched"] = new JsonArray([.. Matched.Select(m => (JsonNode)new JsonObject
        {
            ["workflow"] = m.Workflow,
            ["rule"] = m.Rule,
            ["successEvent"] = m.SuccessEvent,
            ["output"] = m.Output?.DeepClone(),
        })]),
        ["failed"] = new JsonArray([.. Failed.Select(f => (JsonNode)new JsonObject
        {
            ["workflow"] = f.Workflow,
            ["rule"] = f.Rule,
            ["message"] = f.Message,
        })]),
    };
}
