namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>One thing wrong with a rule set, named as precisely as it can be: rule set, workflow, rule.</summary>
/// <param name="RuleSet">The rule set (file name without <c>.json</c>).</param>
/// <param name="Workflow">The RulesEngine workflow, when the problem is inside one.</param>
/// <param name="Rule">The rule, when the problem is in one (nested rules are named <c>Parent/Child</c>).</param>
/// <param name="Error">What is wrong, e.g. the expression parser's message with its position.</param>
public sealed record RuleProblem(string RuleSet, string? Workflow, string? Rule, string Error)
{
    /// <summary>The key of this problem in an API's <c>errors</c>: <c>Workflow/Rule</c>, the workflow, or <c>body</c>.</summary>
    public string Field => Rule is not null ? $"{Workflow}/{Rule}" : Workflow ?? "body";

    /// <summary>Problems keyed by <see cref="Field"/> (several per field when a rule has several).</summary>
    public static Dictionary<string, string[]> ByField(IEnumerable<RuleProblem> problems) =>
        problems.GroupBy(p => p.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Error).ToArray(), StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(" / ", new[] { RuleSet, Workflow, Rule }.Where(s => !string.IsNullOrEmpty(s))) + ": " + Error;
}
