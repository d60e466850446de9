using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Marketplace.Orders;

/// <summary>
/// Loads an order for a change. On PostgreSQL the row is locked (<c>FOR UPDATE</c>) until the caller's
/// transaction ends, so a workflow burst and an ops action on the same order take turns instead of one
/// failing on the order's version; SQLite has one writer at a time anyway.
/// </summary>
public static class OrderRows
{
    /// <summary>The tracked order, or null; call inside a transaction (the burst's, or one the caller began).</summary>
    public static Task<Order?> LoadForUpdateAsync(MarketplaceDbContext db, Guid orderId, CancellationToken cancellationToken) =>
        db.LoadOrderForUpdateAsync(orderId, cancellationToken);
}
