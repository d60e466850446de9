namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>A rule set in the list: its latest saved version.</summary>
/// <param name="Name">The rule set's name.</param>
/// <param name="Description">What it decides.</param>
/// <param name="Version">The latest version; 0 when none is saved.</param>
/// <param name="Author">Who saved the latest version (<c>file</c> for an import of <c>rules/</c>).</param>
/// <param name="UpdatedAt">When the latest version was saved (UTC).</param>
/// <param name="RuleCount">Top-level rules in the latest version.</param>
/// <param name="Input">Its input kind (supplier, urgency, automation, supplier-score).</param>
/// <param name="BuiltIn">The marketplace's code uses it by name: it cannot be renamed or retired.</param>
/// <param name="RetiredAt">When it was retired (UTC); null while in use.</param>
/// <param name="RenamedFrom">Its name before the last rename.</param>
public sealed record RuleSetSummary(
    string Name, string Description, int Version, string? Author, DateTime? UpdatedAt, int RuleCount,
    string Input, bool BuiltIn, DateTime? RetiredAt, string? RenamedFrom);
