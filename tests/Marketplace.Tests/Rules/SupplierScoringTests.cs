using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Marketplace.Tests.Rules;

public sealed class SupplierScoringTests
{
    private readonly SupplierScoring _scoring = new();

    [Theory]
    [InlineData(0, 1000, 25)]
    [InlineData(499, 1000, 25)] // 49.9 %
    [InlineData(500, 1000, 15)] // 50 %
    [InlineData(749, 1000, 15)] // 74.9 %
    [InlineData(750, 1000, 5)] // 75 %
    [InlineData(899, 1000, 5)] // 89.9 %
    [InlineData(900, 1000, 0)] // 90 %
    [InlineData(1200, 1000, 0)] // over capacity
    [InlineData(0, 0, 0)] // no capacity at all
    public void Workload_bands_follow_the_documented_points_at_each_boundary(int active, int capacity, int points)
    {
        var score = _scoring.Score(RuleFiles.Order(), RuleFiles.Supplier() with { ActiveOrders = active, Capacity = capacity });
        Assert.Equal(points, score.Workload);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2.5, 10)]
    [InlineData(5, 20)]
    [InlineData(7, 20)] // capped
    [InlineData(-1, 0)]
    public void Rating_gives_four_points_per_star_up_to_20(double stars, double points)
    {
        Assert.Equal((decimal)points, _scoring.Score(RuleFiles.Order(), RuleFiles.Supplier() with { Rating = stars }).Rating);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.8, 12)]
    [InlineData(1, 15)]
    [InlineData(1.5, 15)] // capped
    public void On_time_rate_gives_up_to_15_points(double rate, double points)
    {
        Assert.Equal((decimal)points, _scoring.Score(RuleFiles.Order(), RuleFiles.Supplier() with { OnTimeRate = rate }).OnTime);
    }

    [Theory]
    [InlineData("t_shirt", 40, "exact")]
    [InlineData("T-Shirt", 40, "exact")] // keys are normalised
    [InlineData("polo_shirt", 20, "related")]
    [InlineData("bedding", 0, "none")]
    public void Specialization_is_40_exact_20_related_0_otherwise(string supplierCategory, int points, string match)
    {
        var score = _scoring.Score(RuleFiles.Order(), RuleFiles.Supplier() with { Categories = [supplierCategory] });
        Assert.Equal(points, score.Specialization);
        Assert.Equal(match, score.Match);
    }

    [Fact]
    public void Total_is_the_sum_out_of_100()
    {
        Assert.Equal(100m, _scoring.Score(RuleFiles.Order(), RuleFiles.Supplier()).Total);
        var partial = _scoring.Score(RuleFiles.Order(), RuleFiles.Supplier() with { Categories = ["polo_shirt"], ActiveOrders = 6, Rating = 2.5, OnTimeRate = 0.8 });
        Assert.Equal(20m + 15m + 10m + 12m, partial.Total);
    }

    [Fact]
    public void Related_categories_are_injectable()
    {
        var scoring = new SupplierScoring(new CategoryRelations([("t_shirt", "bedding")]));
        Assert.Equal(20m, scoring.Score(RuleFiles.Order(), RuleFiles.Supplier() with { Categories = ["bedding"] }).Specialization);
        Assert.Equal(0m, scoring.Score(RuleFiles.Order(), RuleFiles.Supplier() with { Categories = ["polo_shirt"] }).Specialization);
    }
}
