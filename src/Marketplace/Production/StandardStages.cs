namespace Sleek.Workflows.Marketplace.Production;

/// <summary>docs/domain.md's production stages and their planned days, in order.</summary>
public static class StandardStages
{
    /// <summary>(Sequence, Name, PlannedDays).</summary>
    public static IReadOnlyList<(int Sequence, string Name, int PlannedDays)> All { get; } =
    [
        (1, "Order Confirmation", 2),
        (2, "Fabric & Trim Sourcing", 10),
        (3, "Pattern & Grading", 5),
        (4, "Cutting", 3),
        (5, "Printing/Embroidery", 5),
        (6, "Sewing & Assembly", 14),
        (7, "Washing & Finishing", 3),
        (8, "Internal QC", 2),
        (9, "Final Inspection", 2),
        (10, "Packaging", 2),
        (11, "Logistics & Shipment", 7),
    ];

    /// <summary>New stage rows for an order (no dates yet).</summary>
    public static List<ProductionStage> For(Guid orderId) =>
        All.Select(s => new ProductionStage { OrderId = orderId, Sequence = s.Sequence, Name = s.Name, PlannedDays = s.PlannedDays }).ToList();
}
