using Sleek.Workflows.Marketplace.Quality;
using Sleek.Workflows.Marketplace.Quotes;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Marketplace.Tests.Quality;

/// <summary>The quality risk on a seeded history: the same inputs give the same score, and each factor shows its weight, value and points.</summary>
public sealed class QualityRiskTests
{
    /// <summary>A supplier with a history: 10 orders, 3 of 10 QC inspections failed, 15 of 20 stages and deliveries on time.</summary>
    private static Task<Supplier> SeededAsync() => Task.FromResult(new Supplier
    {
        Name = "Seeded", Capacity = 4, Rating = 3.9m, OnTimeRate = 0.75m, LeadTimeDays = 30,
        TotalOrders = 10, QcInspections = 10, QcFailures = 3, TimedEvents = 20, OnTimeEvents = 15,
    });

    [Fact]
    public async Task Score_and_factors_on_a_seeded_history()
    {
        var supplier = await SeededAsync();
        Assert.Equal((10, 3, 10), (supplier.QcInspections, supplier.QcFailures, supplier.TotalOrders));

        var risk = QualityRisk.Assess(Guid.NewGuid(), 2000, Complexity.Complex, supplier);

        var factors = risk.Factors.ToDictionary(f => f.Key);
        Assert.Equal(0.3, factors["qc_fail_rate"].Value);
        Assert.Equal(0.35, factors["qc_fail_rate"].Weight);
        Assert.Equal(10.5, factors["qc_fail_rate"].Points);
        Assert.Equal("3 of 10 QC inspections failed", factors["qc_fail_rate"].Explanation);
        Assert.Equal(0.25, factors["lateness"].Value);
        Assert.Equal("on-time rate 75% (15 of 20 stages and deliveries on time)", factors["lateness"].Explanation.Replace(" %", "%", StringComparison.Ordinal));
        Assert.Equal(1, factors["complexity"].Value);
        Assert.Equal(0.5, factors["quantity_vs_capacity"].Value); // 2,000 units ÷ (4 × 1,000)
        Assert.Equal(1.0, risk.Factors.Sum(f => f.Weight), 6);
        Assert.Equal((int)Math.Round(risk.Factors.Sum(f => f.Weight * f.Value * 100), MidpointRounding.AwayFromZero), risk.Score);
        // 10.5 + 6.25 + 20 + 10 = 46.75 → 47, medium; heaviest factor first.
        Assert.Equal((47, "medium"), (risk.Score, risk.Level));
        Assert.Equal(["complexity", "qc_fail_rate", "quantity_vs_capacity", "lateness"], risk.Factors.Select(f => f.Key));
        var again = QualityRisk.Assess(risk.OrderId, 2000, Complexity.Complex, supplier);
        Assert.Equal(risk.Factors, again.Factors);
        Assert.Equal(risk.Score, again.Score);
    }

    [Fact]
    public void A_good_history_on_a_simple_order_is_low_risk_and_a_bad_one_on_a_complex_order_is_high()
    {
        var good = new Supplier { Capacity = 10, Rating = 5, OnTimeRate = 1, QcInspections = 20, QcFailures = 0 };
        var bad = new Supplier { Capacity = 2, Rating = 2, OnTimeRate = 0.3m, QcInspections = 10, QcFailures = 6 };

        var low = QualityRisk.Assess(Guid.NewGuid(), 100, Complexity.Simple, good);
        var high = QualityRisk.Assess(Guid.NewGuid(), 5000, Complexity.Complex, bad);

        Assert.Equal(("low", 0), (low.Level, low.Score));
        Assert.Equal("high", high.Level);
        Assert.True(high.Score >= QualityRisk.HighThreshold, high.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Before_assignment_the_supplier_factors_are_neutral()
    {
        var risk = QualityRisk.Assess(Guid.NewGuid(), 500, Complexity.Medium, null);
        Assert.Null(risk.SupplierId);
        Assert.All(risk.Factors.Where(f => f.Key is "qc_fail_rate" or "lateness"), f => Assert.Equal(QualityRisk.Neutral, f.Value));
        Assert.Equal(41, risk.Score); // 17.5 + 12.5 + 10 + 500 ÷ (10 × 1,000) × 20
    }
}
