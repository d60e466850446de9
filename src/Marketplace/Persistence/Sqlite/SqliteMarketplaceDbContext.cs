using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Marketplace.Catalog;
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
    /// <remarks>
    /// No full text here: every word must appear in the title or the description, as a LIKE with the wildcards escaped
    /// (SQLite's LIKE ignores case for ASCII letters). Fine for one process's catalog; PostgreSQL ranks and stems.
    /// </remarks>
    internal override IQueryable<Product> MatchingProducts(string text)
    {
        IQueryable<Product> products = Products;
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            var pattern = "%" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            products = products.Where(p => EF.Functions.Like(p.Title, pattern, "\\") || EF.Functions.Like(p.Description, pattern, "\\"));
        }

        return products;
    }

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
