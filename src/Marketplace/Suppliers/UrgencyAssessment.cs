using Sleek.Workflows.Marketplace.Rules;

namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>How urgent an unassigned order is, from <c>rules/supplier-urgency.json</c>.</summary>
/// <param name="Level"><c>high</c>, <c>medium</c> or <c>low</c>: the first matched rule's output (low when none matched).</param>
/// <param name="Rule">The rule that decided it, if any.</param>
/// <param name="Result">The whole run, for the journal.</param>
public sealed record UrgencyAssessment(string Level, string? Rule, RuleSetResult Result)
{
    /// <summary>Assesses an order at a moment with the current urgency rules.</summary>
    public static async Task<UrgencyAssessment> AssessAsync(RulesRunner runner, OrderFacts order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(RuleSetCatalog.SupplierUrgency, UrgencyInput.For(order, now), cancellationToken);
        var decisive = result.Matched.FirstOrDefault(m => m.Action is not null);
        return new UrgencyAssessment(decisive?.Action ?? "low", decisive?.Rule, result);
    }
}
