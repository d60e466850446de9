namespace Sleek.Workflows.Marketplace.Parties;

/// <summary>Who a workflow instance belongs to, read from the quote and order it made.</summary>
/// <param name="BuyerUserId">The signed-in buyer of its order (or, before the order, of its quote); null for anonymous quotes.</param>
/// <param name="SupplierId">The supplier its order is assigned to; null before assignment.</param>
/// <param name="HeldOrder">The number of its order while that order is on hold; null otherwise.</param>
public sealed record InstanceParties(string? BuyerUserId, Guid? SupplierId, string? HeldOrder)
{
    /// <summary>An instance of no quote or order (e.g. a sample workflow): it belongs to no party.</summary>
    public static readonly InstanceParties None = new(null, null, null);
}
