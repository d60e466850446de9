using Microsoft.EntityFrameworkCore;

namespace Sleek.Workflows.Host.Identity;

/// <summary>The security tables on PostgreSQL.</summary>
public sealed class PostgresSecurityDbContext(DbContextOptions<PostgresSecurityDbContext> options) : SecurityDbContext(options)
{
    /// <inheritdoc />
    public override bool IsPostgres => true;
}
