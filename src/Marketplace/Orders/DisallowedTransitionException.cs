namespace Sleek.Workflows.Marketplace.Orders;

/// <summary>A status change the workflow does not allow; the message names from, to and the allowed ones.</summary>
public sealed class DisallowedTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public DisallowedTransitionException(OrderStatus from, OrderStatus to, IReadOnlyList<OrderStatus> allowed)
        : base(allowed.Count == 0
            ? $"order status cannot change from {from.ToName()} to {to.ToName()}: {from.ToName()} is final"
            : $"order status cannot change from {from.ToName()} to {to.ToName()}; allowed from {from.ToName()}: {string.Join(", ", allowed.Select(a => a.ToName()))}")
    {
        From = from;
        To = to;
        AllowedStatuses = allowed;
    }

    /// <summary>The current status.</summary>
    public OrderStatus From { get; }

    /// <summary>The refused target.</summary>
    public OrderStatus To { get; }

    /// <summary>Where the order could go instead.</summary>
    public IReadOnlyList<OrderStatus> AllowedStatuses { get; }
}
