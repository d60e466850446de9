using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Marketplace.Tests.Rules;

public sealed class SupplierEligibilityTests
{
    public static TheoryData<string, Func<OrderFacts, OrderFacts>, Func<SupplierProfile, SupplierProfile>, string?> Cases => new()
    {
        { "quantity equals MOQ", o => o with { Quantity = 50 }, s => s with { Moq = 50 }, null },
        { "quantity one below MOQ", o => o with { Quantity = 49 }, s => s with { Moq = 50 }, "MeetsMinimumOrderQuantity" },
        { "certification held (case-insensitive)", o => o with { RequiredCertifications = ["GOTS"] }, s => s, null },
        { "certification missing", o => o with { RequiredCertifications = ["gots", "bsci"] }, s => s, "HasRequiredCertifications" },
        { "one order below capacity", o => o, s => s with { ActiveOrders = 9, Capacity = 10 }, null },
        { "at capacity", o => o, s => s with { ActiveOrders = 10, Capacity = 10 }, "HasFreeCapacity" },
        { "over capacity", o => o, s => s with { ActiveOrders = 12, Capacity = 10 }, "HasFreeCapacity" },
        { "no country restriction", o => o with { AllowedCountries = [] }, s => s with { Country = "CN" }, null },
        { "country allowed", o => o with { AllowedCountries = ["pt", "es"] }, s => s, null },
        { "country not allowed", o => o with { AllowedCountries = ["ES"] }, s => s, "CountryAllowed" },
        { "no deadline", o => o with { DeadlineDays = null }, s => s with { LeadTimeDays = 90 }, null },
        { "lead time equals deadline", o => o with { DeadlineDays = 30 }, s => s with { LeadTimeDays = 30 }, null },
        { "lead time one day over deadline", o => o with { DeadlineDays = 30 }, s => s with { LeadTimeDays = 31 }, "LeadTimeWithinDeadline" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Eligibility_rules_exclude_with_the_rule_that_failed(string because, Func<OrderFacts, OrderFacts> order, Func<SupplierProfile, SupplierProfile> supplier, string? failedRule)
    {
        var result = await RuleFiles.Ranking.RankAsync(order(RuleFiles.Order()), [supplier(RuleFiles.Supplier())], CancellationToken.None);

        if (failedRule is null)
        {
            Assert.True(result.Candidates.Count == 1, because);
            Assert.Empty(result.Excluded);
        }
        else
        {
            Assert.Empty(result.Candidates);
            var excluded = Assert.Single(result.Excluded);
            var rule = Assert.Single(excluded.Rules);
            Assert.Equal(failedRule, rule.Rule);
            Assert.StartsWith("Excluded:", rule.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_failed_rule_is_listed_for_an_excluded_supplier()
    {
        var order = RuleFiles.Order(40) with { RequiredCertifications = ["bsci"] };
        var result = await RuleFiles.Ranking.RankAsync(order, [RuleFiles.Supplier() with { ActiveOrders = 10 }], CancellationToken.None);

        Assert.Equal(
            ["MeetsMinimumOrderQuantity", "HasRequiredCertifications", "HasFreeCapacity"],
            Assert.Single(result.Excluded).Rules.Select(r => r.Rule));
    }

    [Fact]
    public async Task Ranking_keeps_the_top_5_by_score_with_a_stable_tie_break()
    {
        var suppliers = Enumerable.Range(0, 7)
            .Select(i => RuleFiles.Supplier($"S{i}") with { Rating = 5 - (i * 0.5) })
            .Append(RuleFiles.Supplier("Tie-later-name") with { Rating = 5 })
            .Append(RuleFiles.Supplier("Busy") with { ActiveOrders = 10 })
            .ToList();

        var result = await RuleFiles.Ranking.RankAsync(RuleFiles.Order(), suppliers, CancellationToken.None);

        Assert.Equal(["S0", "Tie-later-name", "S1", "S2", "S3"], result.Candidates.Select(c => c.Supplier.Name));
        Assert.Equal([1, 2, 3, 4, 5], result.Candidates.Select(c => c.Rank));
        Assert.Equal(8, result.Eligible);
        Assert.Equal("Busy", Assert.Single(result.Excluded).Supplier.Name);
        Assert.Equal(100m, result.Candidates[0].Score.Total);
        var json = result.ToJson();
        Assert.Equal("exact", json["candidates"]![0]!["breakdown"]!["match"]!.GetValue<string>());
        Assert.Equal("HasFreeCapacity", json["excluded"]![0]!["rules"]![0]!["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task Equal_scores_prefer_the_better_on_time_rate_then_the_lighter_workload()
    {
        // 12 on-time points either way: 0.8 × 15 = 12 with 5 stars (20) vs 1.0 × 15 = 15 with 4.25 stars (17).
        var punctual = RuleFiles.Supplier("Punctual") with { OnTimeRate = 1, Rating = 4.25 };
        var starred = RuleFiles.Supplier("Starred") with { OnTimeRate = 0.8, Rating = 5 };
        var result = await RuleFiles.Ranking.RankAsync(RuleFiles.Order(), [starred, punctual], CancellationToken.None);

        Assert.Equal(result.Candidates[0].Score.Total, result.Candidates[1].Score.Total);
        Assert.Equal("Punctual", result.Candidates[0].Supplier.Name);
    }
}
