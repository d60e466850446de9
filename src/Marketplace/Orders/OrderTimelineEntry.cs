namespace Sleek.Workflows.Marketplace.Orders;

/// <summary>One line of an order's history (table <c>order_timeline</c>): who did what, why and when.</summary>
public sealed class OrderTimelineEntry
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The order.</summary>
    public Guid OrderId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime At { get; set; }

    /// <summary>Who: a user id or email, "system", "workflow:&lt;instance&gt;", "stripe".</summary>
    public string Actor { get; set; } = "";

    /// <summary>What, e.g. <c>status_changed</c>, <c>created</c>, <c>supplier_assigned</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>Status before, for status changes.</summary>
    public OrderStatus? FromStatus { get; set; }

    /// <summary>Status after, for status changes.</summary>
    public OrderStatus? ToStatus { get; set; }

    /// <summary>Why.</summary>
    public string? Reason { get; set; }
}
