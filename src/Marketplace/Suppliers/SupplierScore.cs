using System.Text.Json.Nodes;

namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>A supplier's score for one order (out of 100) with the points of each part, so an assignment can be explained.</summary>
/// <param name="Specialization">40 exact category, 20 related, 0 none.</param>
/// <param name="Match"><c>exact</c>, <c>related</c> or <c>none</c>.</param>
/// <param name="Workload">25 below 50% busy, 15 below 75%, 5 below 90%, else 0.</param>
/// <param name="WorkloadRatio">Active orders ÷ capacity.</param>
/// <param name="Rating">Stars × 4, at most 20.</param>
/// <param name="OnTime">On-time rate × 15, at most 15.</param>
public sealed record SupplierScore(decimal Specialization, string Match, decimal Workload, double WorkloadRatio, decimal Rating, decimal OnTime)
{
    /// <summary>The sum of the parts, 0 to 100.</summary>
    public decimal Total => Specialization + Workload + Rating + OnTime;

    /// <summary>The breakdown as JSON: <c>{specialization, match, workload, workloadRatio, rating, onTime, total}</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["specialization"] = Specialization,
        ["match"] = Match,
        ["workload"] = Workload,
        ["workloadRatio"] = Math.Round(WorkloadRatio, 4),
        ["rating"] = Rating,
        ["onTime"] = OnTime,
        ["total"] = Total,
    };
}
