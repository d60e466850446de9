using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Sleek.Workflows.Activities.Persistence;

/// <summary>Context options for either provider, on a connection string or an open connection; one place so runtime and design time agree.</summary>
internal static class MarketplaceDbOptions
{
    public static DbContextOptions<PostgresMarketplaceDbContext> Postgres(string connectionString) =>
        new DbContextOptionsBuilder<PostgresMarketplaceDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsHistoryTable(MarketplaceDbContext.MigrationsHistoryTable))
            .Options;

    public static DbContextOptions<PostgresMarketplaceDbContext> Postgres(DbConnection connection) =>
        new DbContextOptionsBuilder<PostgresMarketplaceDbContext>()
            .UseNpgsql(connection, o => o.MigrationsHistoryTable(MarketplaceDbContext.MigrationsHistoryTable))
            .Options;

    public static DbContextOptions<SqliteMarketplaceDbContext> Sqlite(string connectionString) =>
        new DbContextOptionsBuilder<SqliteMarketplaceDbContext>()
            .UseSqlite(connectionString, o => o.MigrationsHistoryTable(MarketplaceDbContext.MigrationsHistoryTable))
            .Options;

    public static DbContextOptions<SqliteMarketplaceDbContext> Sqlite(DbConnection connection) =>
        new DbContextOptionsBuilder<SqliteMarketplaceDbContext>()
            .UseSqlite(connection, o => o.MigrationsHistoryTable(MarketplaceDbContext.MigrationsHistoryTable))
            .Options;
}
