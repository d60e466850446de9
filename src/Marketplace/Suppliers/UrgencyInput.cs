namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>
/// The one input shape of <c>rules/supplier-urgency.json</c>: how long an unassigned order has
/// waited and how large it is, as <c>input1.WaitedDays</c> and <c>input1.Quantity</c>.
/// </summary>
/// <param name="Quantity">Units ordered.</param>
/// <param name="WaitedDays">Days since the order was created (fractional: 3 days and 1 minute is 3.0007).</param>
public sealed record UrgencyInput(int Quantity, double WaitedDays)
{
    /// <summary>The input for an order at a moment.</summary>
    public static UrgencyInput For(OrderFacts order, DateTimeOffset now) =>
        new(order.Quantity, (now - order.CreatedAt).TotalDays);
}
