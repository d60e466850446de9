using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Persistence.Postgres;
using Sleek.Workflows.Host.Persistence.Sqlite;

namespace Sleek.Workflows.Host.Persistence;

/// <summary>
/// Creates security contexts on the engine's database (same provider and connection string). Write through
/// <c>db.WriteAsync</c> / <c>db.BeginWriteAsync</c> (<see cref="DbContextWrites"/>), which take SQLite's write gate
/// themselves, like every other writer of that file.
/// </summary>
public sealed class SecurityDb(EngineDb engineDb)
{
    private readonly ProviderContextFactory<SecurityDbContext> _contexts =
        ProviderContextFactory<SecurityDbContext>.Create<PostgresSecurityDbContext, SqliteSecurityDbContext>(
            engineDb, SecurityDbContext.MigrationsHistoryTable);

    /// <summary>A context on a connection of its own; dispose it.</summary>
    public SecurityDbContext CreateContext() => _contexts.CreateContext();

    /// <summary>Applies pending security migrations (history in <c>__security_migrations</c>).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        await db.WriteAsync(ct => db.Database.MigrateIfBehindAsync(ct), cancellationToken);
    }
}
