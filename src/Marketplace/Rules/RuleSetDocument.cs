namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>One stored version of a rule set's JSON.</summary>
/// <param name="Name">The rule set's name.</param>
/// <param name="Version">1, 2, …; 0 for an unsaved candidate.</param>
/// <param name="Json">The RulesEngine workflows as JSON.</param>
/// <param name="Input">The input kind of a rule set a rule author created (<see cref="RuleSetCatalog.InputKinds"/>); null for a built-in one.</param>
/// <param name="Retired">Retired: it refuses evaluation.</param>
public sealed record RuleSetDocument(string Name, int Version, string Json, string? Input = null, bool Retired = false);
