using Microsoft.EntityFrameworkCore;

namespace Sleek.Workflows.Host.Persistence.Postgres;

/// <summary>The security tables on PostgreSQL (its migrations are in <c>Postgres/Migrations</c>).</summary>
public sealed class PostgresSecurityDbContext(DbContextOptions<PostgresSecurityDbContext> options) : SecurityDbContext(options);
