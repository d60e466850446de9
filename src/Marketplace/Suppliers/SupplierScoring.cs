using System.Text.Json.Nodes;
using Sleek.Workflows.Marketplace.Rules;

namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>
/// docs/domain.md's supplier score. The points come from the <c>supplier-scoring</c> rule set (rule authors change
/// it without a release): the output of the matched rule named <c>specialization</c>, <c>workload</c>, <c>rating</c> and
/// <c>onTime</c> is that part's points (a part with no matched rule scores 0), each rounded to 2 decimals. The seeded
/// version (<c>rules/supplier-scoring.json</c>, embedded as <see cref="Seeded"/>) keeps the documented numbers:
/// specialization exact 40 / related 20; workload (active ÷ capacity) below 50% 25, below 75% 15, below 90% 5, else 0;
/// rating stars × 4 up to 20; on-time rate × 15 up to 15.
/// </summary>
/// <param name="relations">Which categories count as related.</param>
public sealed class SupplierScoring(ICategoryRelations relations)
{
    private static readonly Lazy<RuleSetFile> SeededFile = new(() =>
    {
        using var stream = typeof(SupplierScoring).Assembly.GetManifestResourceStream("Sleek.Workflows.Marketplace.Suppliers.supplier-scoring.json")
            ?? throw new InvalidOperationException("the seeded supplier-scoring rule set is not embedded");
        using var reader = new StreamReader(stream);
        return new RuleSetCatalog().Parse(RuleSetCatalog.SupplierScoring, reader.ReadToEnd(), 1).EnsureValid();
    });

    /// <summary>Scoring with <see cref="CategoryRelations.Default"/>.</summary>
    public SupplierScoring()
        : this(CategoryRelations.Default)
    {
    }

    /// <summary>The seeded <c>supplier-scoring</c> rule set (today's numbers): used when none is stored.</summary>
    public static RuleSetFile Seeded => SeededFile.Value;

    /// <summary>Scores one supplier for one order with the seeded points.</summary>
    public SupplierScore Score(OrderFacts order, SupplierProfile supplier) =>
        ScoreAsync(order, supplier, Seeded).AsTask().GetAwaiter().GetResult(); // RulesEngine runs compiled delegates: it completes at once

    /// <summary>Scores one supplier for one order with the given version of <c>supplier-scoring</c>.</summary>
    public async ValueTask<SupplierScore> ScoreAsync(OrderFacts order, SupplierProfile supplier, RuleSetFile weights)
    {
        var category = SupplierRuleInput.Key(order.ProductType);
        var categories = supplier.Categories.Select(SupplierRuleInput.Key).ToList();
        var match = categories.Contains(category) ? "exact"
            : categories.Any(c => relations.AreRelated(category, c)) ? "related"
            : "none";
        var input = new SupplierScoreInput(
            match, Math.Max(supplier.ActiveOrders, 0), supplier.Capacity, Math.Clamp(supplier.Rating, 0, 5), Math.Clamp(supplier.OnTimeRate, 0, 1));
        var result = await RulesRunner.RunAsync(weights, input);

        decimal Points(string rule) =>
            result.Matched.FirstOrDefault(m => m.Rule == rule)?.Output is JsonValue v && v.TryGetValue<decimal>(out var points)
                ? Math.Round(points, 2, MidpointRounding.AwayFromZero)
                : 0m;

        return new SupplierScore(Points("specialization"), match, Points("workload"), supplier.Workload, Points("rating"), Points("onTime"));
    }
}
