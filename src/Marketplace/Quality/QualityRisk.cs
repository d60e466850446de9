using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Quotes;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Marketplace.Quality;

/// <summary>
/// An order's quality risk from history, deterministic and explainable (no AI): four factors, each a value from 0 to 1,
/// weighted and summed to a score of 0–100.
/// <list type="bullet">
/// <item><c>qc_fail_rate</c> (0.35): the supplier's failed ÷ all QC inspections; before its first inspection 1 − rating ÷ 5;</item>
/// <item><c>lateness</c> (0.25): 1 − the supplier's on-time rate;</item>
/// <item><c>complexity</c> (0.20): simple 0, medium 0.5, complex 1;</item>
/// <item><c>quantity_vs_capacity</c> (0.20): units ÷ (capacity × <see cref="UnitsPerOrderSlot"/>), at most 1 — capacity counts
///   orders at once, and one slot is taken as 1,000 units.</item>
/// </list>
/// Before a supplier is assigned the supplier factors are a neutral 0.5 and the capacity factor uses the median capacity of 10.
/// The automation rules read the score as <c>input1.RiskScore</c> (e.g. "≥ 60 → extra QC").
/// </summary>
public static class QualityRisk
{
    /// <summary>The score from which an order is high risk (the automation rule's threshold).</summary>
    public const int HighThreshold = 60;

    /// <summary>Units one order slot of a supplier's capacity stands for.</summary>
    public const int UnitsPerOrderSlot = 1000;

    /// <summary>The neutral value of a supplier factor before assignment.</summary>
    public const double Neutral = 0.5;

    private const int DefaultCapacity = 10;

    /// <summary>Assesses an order (by id) with its quote's complexity and its supplier, or null when it does not exist.</summary>
    public static async Task<QualityRiskAssessment?> ForOrderAsync(MarketplaceDbContext db, Guid orderId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var complexity = await db.Quotes.AsNoTracking().Where(q => q.Id == order.QuoteId).Select(q => (Complexity?)q.Complexity).FirstOrDefaultAsync(cancellationToken);
        var supplier = order.SupplierId is { } id ? await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) : null;
        return Assess(order.Id, order.Quantity, complexity ?? Complexity.Medium, supplier);
    }

    /// <summary>The assessment of <paramref name="quantity"/> units of <paramref name="complexity"/> made by <paramref name="supplier"/> (null: not assigned yet).</summary>
    public static QualityRiskAssessment Assess(Guid orderId, int quantity, Complexity complexity, Supplier? supplier)
    {
        var factors = new List<QualityRiskFactor>();
        if (supplier is null)
        {
            factors.Add(Factor("qc_fail_rate", "Supplier's QC fail rate", 0.35, Neutral, "no supplier assigned yet: neutral"));
            factors.Add(Factor("lateness", "Supplier's lateness", 0.25, Neutral, "no supplier assigned yet: neutral"));
        }
        else
        {
            factors.Add(supplier.QcInspections > 0
                ? Factor("qc_fail_rate", "Supplier's QC fail rate", 0.35, (double)supplier.QcFailures / supplier.QcInspections,
                    $"{supplier.QcFailures} of {supplier.QcInspections} QC inspections failed")
                : Factor("qc_fail_rate", "Supplier's QC fail rate", 0.35, 1 - ((double)supplier.Rating / 5),
                    F($"no QC inspections yet: 1 − rating {supplier.Rating:0.00} ÷ 5")));
            factors.Add(Factor("lateness", "Supplier's lateness", 0.25, 1 - (double)supplier.OnTimeRate,
                F($"on-time rate {supplier.OnTimeRate:P0} ({supplier.OnTimeEvents} of {supplier.TimedEvents} stages and deliveries on time)")));
        }

        var complexityValue = complexity switch { Complexity.Simple => 0, Complexity.Complex => 1, _ => 0.5 };
        factors.Add(Factor("complexity", "Order complexity", 0.20, complexityValue, $"{complexity.ToString().ToLowerInvariant()} order"));
        var capacity = supplier is { Capacity: > 0 } s ? s.Capacity : DefaultCapacity;
        factors.Add(Factor("quantity_vs_capacity", "Quantity against capacity", 0.20, Math.Min(1, (double)quantity / (capacity * UnitsPerOrderSlot)),
            F($"{quantity:N0} units against a capacity of {capacity} orders × {UnitsPerOrderSlot:N0} units{(supplier is null ? " (median capacity: no supplier yet)" : "")}")));

        var score = (int)Math.Round(factors.Sum(f => f.Weight * f.Value * 100), MidpointRounding.AwayFromZero);
        var level = score >= HighThreshold ? "high" : score >= 40 ? "medium" : "low";
        return new QualityRiskAssessment(orderId, score, level, supplier?.Id, [.. factors.OrderByDescending(f => f.Points).ThenBy(f => f.Key, StringComparer.Ordinal)]);
    }

    private static QualityRiskFactor Factor(string key, string label, double weight, double value, string explanation)
    {
        var clamped = Math.Clamp(Math.Round(value, 4), 0, 1);
        return new QualityRiskFactor(key, label, weight, clamped, Math.Round(weight * clamped * 100, 1, MidpointRounding.AwayFromZero), explanation);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
