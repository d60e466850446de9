namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>One stored version of a rule set's JSON.</summary>
/// <param name="Name">The rule set's name.</param>
/// <param name="Version">1, 2, …; 0 for an unsaved candidate.</param>
/// <param name="Json">The RulesEngine workflows as JSON.</param>
public sealed record RuleSetDocument(string Name, int Version, string Json);
