using Microsoft.EntityFrameworkCore;

namespace Sleek.Workflows.Host.Identity;

/// <summary>The security tables in the embedded SQLite file.</summary>
public sealed class SqliteSecurityDbContext(DbContextOptions<SqliteSecurityDbContext> options) : SecurityDbContext(options)
{
    /// <inheritdoc />
    public override bool IsPostgres => false;
}
