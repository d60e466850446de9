namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>A rule whose expression did not hold, or that threw while evaluated.</summary>
/// <param name="Workflow">The RulesEngine workflow it belongs to.</param>
/// <param name="Rule">The rule's name.</param>
/// <param name="Message">Its ErrorMessage, or the error it threw.</param>
public sealed record FailedRule(string Workflow, string Rule, string Message);
