namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>A rule set that does not compile; <see cref="Problems"/> names each rule and its error.</summary>
public sealed class InvalidRuleSetException(string ruleSet, IReadOnlyList<RuleProblem> problems)
    : Exception($"Rule set '{ruleSet}' is invalid: " + string.Join("; ", problems))
{
    /// <summary>The rule set's name.</summary>
    public string RuleSet { get; } = ruleSet;

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<RuleProblem> Problems { get; } = problems;
}
