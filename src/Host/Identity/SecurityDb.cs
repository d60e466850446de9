using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Host.Identity;

/// <summary>
/// Creates security contexts on the engine's database (same provider and connection string). Writes on
/// SQLite take <see cref="WriteGateAsync"/> first, like every other writer of that file.
/// </summary>
public sealed class SecurityDb
{
    private readonly EngineDb _engineDb;
    private readonly string _connectionString;

    /// <summary>Uses the engine's database settings.</summary>
    public SecurityDb(EngineDb engineDb)
    {
        _engineDb = engineDb;
        var options = engineDb.Options;
        _connectionString = options.UsePostgres
            ? options.PostgresConnectionString!
            : new SqliteConnectionStringBuilder { DataSource = options.SqlitePath, Cache = SqliteCacheMode.Private, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>True for PostgreSQL.</summary>
    public bool IsPostgres => _engineDb.IsPostgres;

    /// <summary>A context on a connection of its own; dispose it.</summary>
    public SecurityDbContext CreateContext() => IsPostgres
        ? new PostgresSecurityDbContext(SecurityDbOptions.Postgres(_connectionString))
        : new SqliteSecurityDbContext(SecurityDbOptions.Sqlite(_connectionString));

    /// <summary>The engine's SQLite writer lock (returns at once on PostgreSQL).</summary>
    public ValueTask<IDisposable> WriteGateAsync(CancellationToken cancellationToken) => _engineDb.WriteGateAsync(cancellationToken);

    /// <summary>Applies pending security migrations (history in <c>__security_migrations</c>).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        using var gate = await WriteGateAsync(cancellationToken);
        await using var db = CreateContext();
        await db.Database.MigrateAsync(cancellationToken);
    }
}
