namespace Sleek.Workflows.Marketplace.Orders;

/// <summary>
/// The order status changes the workflow defines; anything else is refused (the old system let any
/// status jump to any other). Besides the graph below, every non-final status may go to cancelled or
/// on_hold, and on_hold goes back only to the status it was held from (or to cancelled).
/// </summary>
public static class OrderStatusTransitions
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Graph = new()
    {
        [OrderStatus.QuoteRequested] = [OrderStatus.QuoteSent],
        [OrderStatus.QuoteSent] = [OrderStatus.AdminReview, OrderStatus.AwaitingPayment],
        [OrderStatus.AdminReview] = [OrderStatus.AwaitingPayment],
        [OrderStatus.AwaitingPayment] = [OrderStatus.PaymentReceived],
        [OrderStatus.PaymentReceived] = [OrderStatus.AssignedToSupplier, OrderStatus.ReadyToShip],
        [OrderStatus.AssignedToSupplier] = [OrderStatus.SampleRequested],
        [OrderStatus.SampleRequested] = [OrderStatus.SampleSubmitted],
        [OrderStatus.SampleSubmitted] = [OrderStatus.SampleApproved, OrderStatus.SampleRequested],
        [OrderStatus.SampleApproved] = [OrderStatus.BulkProduction],
        [OrderStatus.BulkProduction] = [OrderStatus.QcInspection],
        // Back to production on a failed inspection; to the balance invoice when it passes.
        [OrderStatus.QcInspection] = [OrderStatus.BulkProduction, OrderStatus.AwaitingPayment],
        [OrderStatus.ReadyToShip] = [OrderStatus.Shipped],
        [OrderStatus.Shipped] = [OrderStatus.Delivered],
        [OrderStatus.Delivered] = [OrderStatus.Completed],
    };

    /// <summary>True for completed and cancelled: nothing follows them.</summary>
    public static bool IsFinal(OrderStatus status) => status is OrderStatus.Completed or OrderStatus.Cancelled;

    /// <summary>
    /// The statuses an order in <paramref name="from"/> may move to. <paramref name="heldFrom"/> is the
    /// status an on_hold order was held from (<see cref="Order.StatusBeforeHold"/>).
    /// </summary>
    public static IReadOnlyList<OrderStatus> Allowed(OrderStatus from, OrderStatus? heldFrom = null)
    {
        if (IsFinal(from))
        {
            return [];
        }

        if (from == OrderStatus.OnHold)
        {
            return heldFrom is { } held && held != OrderStatus.OnHold && !IsFinal(held)
                ? [held, OrderStatus.Cancelled]
                : [OrderStatus.Cancelled];
        }

        return [.. Graph.GetValueOrDefault(from, []), OrderStatus.Cancelled, OrderStatus.OnHold];
    }

    /// <summary>Whether <paramref name="from"/> → <paramref name="to"/> is allowed.</summary>
    public static bool IsAllowed(OrderStatus from, OrderStatus to, OrderStatus? heldFrom = null) => Allowed(from, heldFrom).Contains(to);
}
