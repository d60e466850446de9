using Microsoft.EntityFrameworkCore;

namespace Sleek.Workflows.Engine.Persistence.Sqlite;

/// <summary>The engine's tables in the embedded SQLite file (its migrations are in <c>Sqlite/Migrations</c>).</summary>
public sealed class SqliteEngineDbContext(DbContextOptions<SqliteEngineDbContext> options) : EngineDbContext(options)
{
    /// <inheritdoc />
    /// <remarks>No row lock: the caller holds SQLite's only writer (<see cref="SqliteWriteGate"/>).</remarks>
    public override Task<WorkflowInstanceRecord?> LoadInstanceForUpdateAsync(Guid instanceId, CancellationToken cancellationToken) =>
        Instances.SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps timestamps as text without a zone; everything we write is UTC, so read it back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
