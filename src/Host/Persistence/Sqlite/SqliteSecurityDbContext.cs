using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Host.Persistence.Sqlite;

/// <summary>The security tables in the embedded SQLite file (its migrations are in <c>Sqlite/Migrations</c>).</summary>
public sealed class SqliteSecurityDbContext(DbContextOptions<SqliteSecurityDbContext> options) : SecurityDbContext(options)
{
    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite keeps timestamps as text without a zone; everything written is UTC, so read it back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
