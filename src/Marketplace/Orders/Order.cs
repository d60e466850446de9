namespace Sleek.Workflows.Marketplace.Orders;

/// <summary>
/// An order made from an accepted quote (table <c>orders</c>). Its status changes only through
/// <see cref="ChangeStatus"/>, which enforces <see cref="OrderStatusTransitions"/> and writes the timeline.
/// </summary>
public sealed class Order
{
    /// <summary>The action of timeline entries written by <see cref="ChangeStatus"/>.</summary>
    public const string StatusChangedAction = "status_changed";

    /// <summary>Id.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>"ORD-2026-0001", unique.</summary>
    public string Number { get; set; } = "";

    /// <summary>The accepted quote (one order per quote).</summary>
    public Guid QuoteId { get; set; }

    /// <summary>The buyer's email.</summary>
    public string BuyerEmail { get; set; } = "";

    /// <summary>The signed-in buyer, if any.</summary>
    public string? BuyerUserId { get; set; }

    /// <summary>Category key.</summary>
    public string ProductType { get; set; } = "";

    /// <summary>Units.</summary>
    public int Quantity { get; set; }

    /// <summary>USD per unit charged to the buyer.</summary>
    public decimal UnitPrice { get; set; }

    /// <summary>USD charged to the buyer.</summary>
    public decimal Total { get; set; }

    /// <summary>The workflow_status; change it with <see cref="ChangeStatus"/>.</summary>
    public OrderStatus Status { get; set; } = OrderStatus.QuoteSent;

    /// <summary>While on_hold: the status to return to.</summary>
    public OrderStatus? StatusBeforeHold { get; set; }

    /// <summary>The assigned supplier.</summary>
    public Guid? SupplierId { get; set; }

    /// <summary>USD paid to the supplier (margin = Total − SupplierPrice).</summary>
    public decimal? SupplierPrice { get; set; }

    /// <summary>Shipping carrier.</summary>
    public string? Carrier { get; set; }

    /// <summary>Carrier's tracking number.</summary>
    public string? TrackingNumber { get; set; }

    /// <summary>The quote-to-delivery instance.</summary>
    public Guid? WorkflowInstanceId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: raised by every save that changes the order.</summary>
    public int Version { get; set; }

    /// <summary>The date the buyer needs the goods by (the target delivery date; a deadline for eligibility), if any.</summary>
    public DateOnly? NeededBy { get; set; }

    /// <summary>Certification keys every supplier must hold (lower case).</summary>
    public List<string> RequiredCertifications { get; set; } = [];

    /// <summary>ISO country codes the order may be made in; empty means any.</summary>
    public List<string> AllowedCountries { get; set; } = [];

    /// <summary>ISO country codes the order must not be made in.</summary>
    public List<string> BlockedCountries { get; set; } = [];

    /// <summary>The date the assigned supplier promised delivery by (its lead time from assignment).</summary>
    public DateOnly? ExpectedDeliveryDate { get; set; }

    /// <summary>When delivery was confirmed (UTC): the actual delivery date; set once.</summary>
    public DateTime? DeliveredAt { get; set; }

    /// <summary>The history, oldest first when loaded ordered by <see cref="OrderTimelineEntry.At"/>.</summary>
    public List<OrderTimelineEntry> Timeline { get; set; } = [];

    /// <summary>
    /// Moves the order to <paramref name="to"/> and records who and why. Holding remembers the current
    /// status; releasing returns to it.
    /// </summary>
    /// <exception cref="DisallowedTransitionException">The workflow does not allow this change.</exception>
    public OrderTimelineEntry ChangeStatus(OrderStatus to, string actor, string? reason, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var from = Status;
        var allowed = OrderStatusTransitions.Allowed(from, StatusBeforeHold);
        if (!allowed.Contains(to))
        {
            throw new DisallowedTransitionException(from, to, allowed);
        }

        StatusBeforeHold = to == OrderStatus.OnHold ? from : null;
        Status = to;
        UpdatedAt = now;
        return Record(actor, StatusChangedAction, reason, now, from, to);
    }

    /// <summary>Adds a timeline entry for something other than a status change (created, supplier assigned, shipped …).</summary>
    public OrderTimelineEntry Record(string actor, string action, string? reason, DateTime now, OrderStatus? from = null, OrderStatus? to = null)
    {
        var entry = new OrderTimelineEntry { OrderId = Id, At = now, Actor = actor, Action = action, FromStatus = from, ToStatus = to, Reason = reason };
        Timeline.Add(entry);
        return entry;
    }
}
