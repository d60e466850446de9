using Microsoft.EntityFrameworkCore;

namespace Sleek.Workflows.Engine.Persistence.Postgres;

/// <summary>The engine's tables on PostgreSQL (its migrations are in <c>Postgres/Migrations</c>).</summary>
public sealed class PostgresEngineDbContext(DbContextOptions<PostgresEngineDbContext> options) : EngineDbContext(options)
{
    private static string? _lockInstanceSql;

    /// <inheritdoc />
    public override async Task<WorkflowInstanceRecord?> LoadInstanceForUpdateAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        // Columns named, not *: the statement is prepared (see PostgresEngineProvider), and a prepared SELECT * fails once a
        // migration by a newer host adds a column ("cached plan must not change result type").
        _lockInstanceSql ??= $"SELECT {PostgresTables.Of(Model).Instances.Columns()} FROM workflow_instances WHERE id = {{0}} FOR UPDATE";
        var rows = await Instances.FromSqlRaw(_lockInstanceSql, instanceId).ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }
}
