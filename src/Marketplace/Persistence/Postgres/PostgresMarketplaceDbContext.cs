using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Catalog;
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

    /// <inheritdoc />
    /// <remarks>
    /// <c>search_vector</c> is a stored generated tsvector of title (weight A) and description (B) with a GIN index, made
    /// by the migration <c>ProductCatalog</c> (the EF model does not know the column); <c>websearch_to_tsquery</c> takes
    /// what people type ("organic cotton", "hoodie -zip") and never fails on syntax.
    /// </remarks>
    internal override IQueryable<Product> MatchingProducts(string text) =>
        Products.FromSqlInterpolated($"SELECT * FROM products WHERE search_vector @@ websearch_to_tsquery('english', {text})");
}
