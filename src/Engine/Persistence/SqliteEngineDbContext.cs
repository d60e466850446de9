using Microsoft.EntityFrameworkCore;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>The engine's tables in the embedded SQLite file.</summary>
public sealed class SqliteEngineDbContext(DbContextOptions<SqliteEngineDbContext> options) : EngineDbContext(options)
{
    /// <inheritdoc />
    public override bool IsPostgres => false;

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps timestamps as text without a zone; everything we write is UTC, so read it back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
