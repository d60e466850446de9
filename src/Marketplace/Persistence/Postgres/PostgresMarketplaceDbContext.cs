using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Orders;

namespace Sleek.Workflows.Marketplace.Persistence.Postgres;

/// <summary>The marketplace's tables on PostgreSQL (its migrations are in <c>Postgres/Migrations</c>).</summary>
public sealed class PostgresMarketplaceDbContext(DbContextOptions<PostgresMarketplaceDbContext> options) : MarketplaceDbContext(options)
{
    /// <inheritdoc />
    /// <remarks>
    /// <c>FOR UPDATE</c>: the row stays locked until the caller's transaction ends, so a workflow burst and
    /// an ops action on the same order take turns instead of one failing on the order's version.
    /// </remarks>
    internal override Task<Order?> LoadOrderForUpdateAsync(Guid orderId, CancellationToken cancellationToken) =>
        Orders.FromSqlInterpolated($"SELECT * FROM orders WHERE id = {orderId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
}
