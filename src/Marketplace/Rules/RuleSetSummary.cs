namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>A rule set in the list: its latest saved version.</summary>
/// <param name="Name">The rule set's name.</param>
/// <param name="Description">What it decides.</param>
/// <param name="Version">The latest version; 0 when none is saved.</param>
/// <param name="Author">Who saved the latest version (<c>file</c> for an import of <c>rules/</c>).</param>
/// <param name="UpdatedAt">When the latest version was saved (UTC).</param>
/// <param name="RuleCount">Top-level rules in the latest version.</param>
public sealed record RuleSetSummary(string Name, string Description, int Version, string? Author, DateTime? UpdatedAt, int RuleCount);
