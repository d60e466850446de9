using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// Creates engine contexts for the configured provider and guards SQLite's single writer.
/// PostgreSQL serializes work per instance with row locks; the embedded SQLite mode serializes all
/// write transactions of this process through <see cref="WriteGateAsync"/>.
/// </summary>
public sealed class EngineDb : IDisposable
{
    private readonly PooledDbContextFactory<PostgresEngineDbContext>? _postgres;
    private readonly PooledDbContextFactory<SqliteEngineDbContext>? _sqlite;
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    /// <summary>Builds the factory for the options.</summary>
    public EngineDb(DatabaseOptions options)
    {
        Options = options;
        if (options.UsePostgres)
        {
            _postgres = new PooledDbContextFactory<PostgresEngineDbContext>(
                new DbContextOptionsBuilder<PostgresEngineDbContext>()
                    .UseNpgsql(options.PostgresConnectionString)
                    .Options);
        }
        else
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(options.SqlitePath));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            var connection = new SqliteConnectionStringBuilder { DataSource = options.SqlitePath, Cache = SqliteCacheMode.Private, DefaultTimeout = 30 }.ToString();
            _sqlite = new PooledDbContextFactory<SqliteEngineDbContext>(
                new DbContextOptionsBuilder<SqliteEngineDbContext>()
                    .UseSqlite(connection)
                    .Options);
        }
    }

    /// <summary>The options in use.</summary>
    public DatabaseOptions Options { get; }

    /// <summary>True for PostgreSQL.</summary>
    public bool IsPostgres => _postgres is not null;

    /// <summary>Provider name for logs and health.</summary>
    public string ProviderName => IsPostgres ? "PostgreSQL" : "SQLite";

    /// <summary>A new context; dispose it.</summary>
    public EngineDbContext CreateContext() => _postgres is not null ? _postgres.CreateDbContext() : _sqlite!.CreateDbContext();

    /// <summary>
    /// Enter before a write transaction. On SQLite it holds the process-wide writer lock until disposed;
    /// on PostgreSQL it returns at once.
    /// </summary>
    public async ValueTask<IDisposable> WriteGateAsync(CancellationToken cancellationToken)
    {
        if (IsPostgres)
        {
            return NoGate.Instance;
        }

        await _sqliteWriter.WaitAsync(cancellationToken);
        return new Gate(_sqliteWriter);
    }

    /// <summary>Applies pending migrations (and WAL mode on SQLite).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync(cancellationToken);
        if (!IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _sqliteWriter.Dispose();

    private sealed class Gate(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }

    private sealed class NoGate : IDisposable
    {
        public static readonly NoGate Instance = new();

        public void Dispose()
        {
        }
    }
}
