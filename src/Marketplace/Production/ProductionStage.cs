namespace Sleek.Workflows.Marketplace.Production;

/// <summary>One stage of an order's production (table <c>production_stages</c>) with planned and actual dates.</summary>
public sealed class ProductionStage
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The order.</summary>
    public Guid OrderId { get; set; }

    /// <summary>1-based position (unique per order).</summary>
    public int Sequence { get; set; }

    /// <summary>e.g. "Sewing &amp; Assembly".</summary>
    public string Name { get; set; } = "";

    /// <summary>Planned duration.</summary>
    public int PlannedDays { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? PlannedStart { get; set; }

    /// <summary>UTC; past it without <see cref="ActualEnd"/> the stage is late.</summary>
    public DateTime? PlannedEnd { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? ActualStart { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? ActualEnd { get; set; }

    /// <summary>When a delay alert went out (so it goes out once).</summary>
    public DateTime? DelayAlertedAt { get; set; }

    /// <summary>The planned end first promised for the stage (a reported delay moves <see cref="PlannedEnd"/>, not this); UTC.</summary>
    public DateTime? PromisedEnd { get; set; }
}
