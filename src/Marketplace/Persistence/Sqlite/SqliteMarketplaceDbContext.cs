using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Marketplace.Orders;

namespace Sleek.Workflows.Marketplace.Persistence.Sqlite;

/// <summary>The marketplace's tables in the embedded SQLite file, next to the engine's (its migrations are in <c>Sqlite/Migrations</c>).</summary>
public sealed class SqliteMarketplaceDbContext(DbContextOptions<SqliteMarketplaceDbContext> options) : MarketplaceDbContext(options)
{
    /// <inheritdoc />
    /// <remarks>No row lock needed: SQLite has one writer at a time anyway.</remarks>
    internal override Task<Order?> LoadOrderForUpdateAsync(Guid orderId, CancellationToken cancellationToken) =>
        Orders.SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite keeps timestamps as text without a zone; everything we write is UTC, so read it back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // SQLite has no decimal type: money is an INTEGER of 10^-scale units at the scale the model gives it.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(decimal) || property.ClrType == typeof(decimal?))
            {
                var scale = property.GetScale() ?? throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} is a decimal without a scale; declare it with Money(…)");
                property.SetValueConverter(new FixedPointConverter(scale));
            }
        }
    }
}
