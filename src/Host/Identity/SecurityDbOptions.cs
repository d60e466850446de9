using Microsoft.EntityFrameworkCore;

namespace Sleek.Workflows.Host.Identity;

/// <summary>Context options for either provider; one place so runtime and design time agree.</summary>
internal static class SecurityDbOptions
{
    public static DbContextOptions<PostgresSecurityDbContext> Postgres(string connectionString) =>
        new DbContextOptionsBuilder<PostgresSecurityDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsHistoryTable(SecurityDbContext.MigrationsHistoryTable))
            .Options;

    public static DbContextOptions<SqliteSecurityDbContext> Sqlite(string connectionString) =>
        new DbContextOptionsBuilder<SqliteSecurityDbContext>()
            .UseSqlite(connectionString, o => o.MigrationsHistoryTable(SecurityDbContext.MigrationsHistoryTable))
            .Options;
}
