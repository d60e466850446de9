using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Email;
using Sleek.Workflows.Marketplace.Orders;

namespace Sleek.Workflows.Marketplace.Persistence.Sqlite;

/// <summary>The marketplace's tables in the embedded SQLite file (next to the engine's).</summary>
public sealed class SqliteMarketplaceDbContext(DbContextOptions<SqliteMarketplaceDbContext> options) : MarketplaceDbContext(options)
{
    /// <inheritdoc />
    public override bool IsPostgres => false;

    /// <summary>A context on a connection of its own.</summary>
    internal static SqliteMarketplaceDbContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<SqliteMarketplaceDbContext>()
            .UseSqlite(connectionString, o => o.MigrationsHistoryTable(MigrationsHistoryTable))
            .Options);

    /// <summary>A context on an open connection (a burst's).</summary>
    internal static SqliteMarketplaceDbContext Create(DbConnection connection) =>
        new(new DbContextOptionsBuilder<SqliteMarketplaceDbContext>()
            .UseSqlite(connection, o => o.MigrationsHistoryTable(MigrationsHistoryTable))
            .Options);

    /// <inheritdoc />
    /// <remarks>No row lock needed: SQLite has one writer at a time anyway.</remarks>
    internal override Task<Order?> LoadOrderForUpdateAsync(Guid orderId, CancellationToken cancellationToken) =>
        Orders.SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// A plain insert: SQLite has one writer at a time, so nobody can insert the key between the caller's
    /// look-up and this write.
    /// </remarks>
    internal override async Task<bool> InsertEmailUnlessKeyExistsAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        EmailMessages.Add(message);
        await SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite keeps timestamps as text without a zone; everything we write is UTC, so read it back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
