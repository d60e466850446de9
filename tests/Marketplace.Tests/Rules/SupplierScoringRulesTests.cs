using Sleek.Workflows.Marketplace.Rules;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Marketplace.Tests.Rules;

/// <summary>The scoring weights are the <c>supplier-scoring</c> rule set: the seeded file keeps today's numbers, and a changed version changes the ranking.</summary>
public sealed class SupplierScoringRulesTests
{
    private static readonly SupplierProfile Starred = RuleFiles.Supplier("Starred") with { Rating = 5, OnTimeRate = 0.5 };
    private static readonly SupplierProfile Punctual = RuleFiles.Supplier("Punctual") with { Rating = 3, OnTimeRate = 1 };

    [Fact]
    public void The_repository_file_is_the_seeded_version()
    {
        Assert.Equal(RuleFiles.Read(RuleSetCatalog.SupplierScoring), SupplierScoring.Seeded.Json);
        Assert.Equal(["specialization", "workload", "rating", "onTime"], SupplierScoring.Seeded.Workflows.Single().Rules.Select(r => r.RuleName));
    }

    [Fact]
    public async Task Today_the_stars_win_and_with_rating_worth_2_points_a_star_the_punctual_supplier_ranks_first()
    {
        var eligibility = await RuleFiles.Runner.GetCurrentAsync(RuleSetCatalog.SupplierEligibility, CancellationToken.None);

        // Seeded: 40 + 25 + 20 + 7.5 = 92.5 against 40 + 25 + 12 + 15 = 92.
        var today = await RuleFiles.Ranking.RankAsync(RuleFiles.Order(), [Punctual, Starred], CancellationToken.None);
        Assert.Equal(["Starred", "Punctual"], today.Candidates.Select(c => c.Supplier.Name));
        Assert.Equal([92.5m, 92m], today.Candidates.Select(c => c.Score.Total));

        var lighter = RuleFiles.Catalog.Parse(RuleSetCatalog.SupplierScoring, RuleFiles.Read(RuleSetCatalog.SupplierScoring).Replace("input1.Rating * 4", "input1.Rating * 2", StringComparison.Ordinal));
        Assert.True(lighter.IsValid);
        var changed = await RuleFiles.Ranking.RankAsync(RuleFiles.Order(), [Punctual, Starred], eligibility, lighter);
        Assert.Equal(["Punctual", "Starred"], changed.Candidates.Select(c => c.Supplier.Name));
        Assert.Equal([86m, 82.5m], changed.Candidates.Select(c => c.Score.Total));
    }

    [Fact]
    public void A_weight_rule_that_does_not_compile_is_refused_naming_it()
    {
        var broken = RuleFiles.Catalog.Parse(RuleSetCatalog.SupplierScoring, RuleFiles.Read(RuleSetCatalog.SupplierScoring).Replace("input1.OnTimeRate * 15", "input1.OnTime * 15", StringComparison.Ordinal));
        Assert.Equal("SupplierScoring/onTime", Assert.Single(broken.Problems).Field);
    }
}
