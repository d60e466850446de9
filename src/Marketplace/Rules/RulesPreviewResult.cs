namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>What a candidate rule set would change over recent orders or quotes.</summary>
/// <param name="RuleSet">The rule set.</param>
/// <param name="CurrentVersion">The saved version compared against.</param>
/// <param name="Subject"><c>orders</c> or <c>quotes</c>.</param>
/// <param name="Examined">How many records were run.</param>
/// <param name="ChangedCount">How many of them changed.</param>
/// <param name="Records">The changed records (all examined ones when asked), newest first.</param>
public sealed record RulesPreviewResult(string RuleSet, int CurrentVersion, string Subject, int Examined, int ChangedCount, IReadOnlyList<PreviewRecord> Records);
