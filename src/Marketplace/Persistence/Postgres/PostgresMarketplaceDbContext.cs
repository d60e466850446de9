using Microsoft.EntityFrameworkCore;

namespace Sleek.Workflows.Activities.Persistence;

/// <summary>The marketplace's tables on PostgreSQL.</summary>
public sealed class PostgresMarketplaceDbContext(DbContextOptions<PostgresMarketplaceDbContext> options) : MarketplaceDbContext(options)
{
    /// <inheritdoc />
    public override bool IsPostgres => true;
}
