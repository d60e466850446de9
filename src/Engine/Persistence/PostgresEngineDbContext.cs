using Microsoft.EntityFrameworkCore;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>The engine's tables on PostgreSQL.</summary>
public sealed class PostgresEngineDbContext(DbContextOptions<PostgresEngineDbContext> options) : EngineDbContext(options)
{
    /// <inheritdoc />
    public override bool IsPostgres => true;
}
