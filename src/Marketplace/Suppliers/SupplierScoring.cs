namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>
/// docs/domain.md's supplier score (pure): specialization exact 40 / related 20; workload (active ÷ capacity)
/// below 50% 25, below 75% 15, below 90% 5, else 0; rating stars × 4 up to 20; on-time rate × 15 up to 15.
/// </summary>
/// <param name="relations">Which categories count as related.</param>
public sealed class SupplierScoring(ICategoryRelations relations)
{
    /// <summary>Scoring with <see cref="CategoryRelations.Default"/>.</summary>
    public SupplierScoring()
        : this(CategoryRelations.Default)
    {
    }

    /// <summary>Scores one supplier for one order.</summary>
    public SupplierScore Score(OrderFacts order, SupplierProfile supplier)
    {
        var category = SupplierRuleInput.Key(order.ProductType);
        var categories = supplier.Categories.Select(SupplierRuleInput.Key).ToList();
        var (specialization, match) =
            categories.Contains(category) ? (40m, "exact")
            : categories.Any(c => relations.AreRelated(category, c)) ? (20m, "related")
            : (0m, "none");

        return new SupplierScore(
            specialization,
            match,
            WorkloadPoints(supplier.ActiveOrders, supplier.Capacity),
            supplier.Workload,
            Math.Round((decimal)Math.Clamp(supplier.Rating, 0, 5) * 4, 2, MidpointRounding.AwayFromZero),
            Math.Round((decimal)Math.Clamp(supplier.OnTimeRate, 0, 1) * 15, 2, MidpointRounding.AwayFromZero));
    }

    /// <summary>Workload points, compared in integers so 50% is exactly 50% (no floating-point edge).</summary>
    public static decimal WorkloadPoints(int activeOrders, int capacity)
    {
        long active = Math.Max(activeOrders, 0);
        long cap = capacity;
        return cap <= 0 ? 0m
            : active * 2 < cap ? 25m
            : active * 4 < cap * 3 ? 15m
            : active * 10 < cap * 9 ? 5m
            : 0m;
    }
}
