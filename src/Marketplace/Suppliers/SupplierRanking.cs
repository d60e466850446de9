using Sleek.Workflows.Marketplace.Rules;

namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>
/// Ranks suppliers for an order: <c>rules/supplier-eligibility.json</c> excludes (any failed rule
/// excludes, and the failed rules are kept as the reason), <see cref="SupplierScoring"/> scores the rest (points from <c>rules/supplier-scoring.json</c>),
/// the best <see cref="TopCount"/> are the candidates. Ties are broken by higher on-time rate, then lower
/// workload, then higher rating, then name and id (ordinal) so the order is always the same.
/// </summary>
/// <param name="runner">Reads the current eligibility rules.</param>
/// <param name="scoring">The score.</param>
public sealed class SupplierRanking(RulesRunner runner, SupplierScoring scoring)
{
    /// <summary>How many candidates are offered (docs/domain.md: top 5).</summary>
    public const int TopCount = 5;

    /// <summary>Ranks with the current eligibility and scoring rules.</summary>
    public async Task<SupplierRankingResult> RankAsync(OrderFacts order, IEnumerable<SupplierProfile> suppliers, CancellationToken cancellationToken) =>
        await RankAsync(
            order, suppliers, await runner.GetCurrentAsync(RuleSetCatalog.SupplierEligibility, cancellationToken), await CurrentWeightsAsync(cancellationToken));

    /// <summary>The current <c>supplier-scoring</c> version; the seeded one when none is stored.</summary>
    public async Task<RuleSetFile> CurrentWeightsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await runner.GetCurrentAsync(RuleSetCatalog.SupplierScoring, cancellationToken);
        }
        catch (UnknownRuleSetException)
        {
            return SupplierScoring.Seeded;
        }
    }

    /// <summary>Ranks with given eligibility rules and scoring weights (candidate versions, for previews); the seeded weights when none are given.</summary>
    public async Task<SupplierRankingResult> RankAsync(OrderFacts order, IEnumerable<SupplierProfile> suppliers, RuleSetFile eligibility, RuleSetFile? weights = null)
    {
        var eligible = new List<(SupplierProfile Supplier, SupplierScore Score)>();
        var excluded = new List<ExcludedSupplier>();
        foreach (var supplier in suppliers)
        {
            var result = await RulesRunner.RunAsync(eligibility, SupplierRuleInput.Create(order, supplier));
            if (result.Failed.Count > 0)
            {
                excluded.Add(new ExcludedSupplier(supplier, result.Failed));
            }
            else
            {
                eligible.Add((supplier, await scoring.ScoreAsync(order, supplier, weights ?? SupplierScoring.Seeded)));
            }
        }

        var ranked = eligible
            .OrderByDescending(e => e.Score.Total)
            .ThenByDescending(e => e.Supplier.OnTimeRate)
            .ThenBy(e => e.Supplier.Workload)
            .ThenByDescending(e => e.Supplier.Rating)
            .ThenBy(e => e.Supplier.Name, StringComparer.Ordinal)
            .ThenBy(e => e.Supplier.Id)
            .Take(TopCount)
            .Select((e, i) => new RankedSupplier(i + 1, e.Supplier, e.Score))
            .ToList();
        return new SupplierRankingResult(eligibility.Version, ranked, eligible.Count, excluded);
    }
}
