using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

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
    // Any constant shared by all hosts; "sleek" in ASCII.
    private const long StartupLockKey = 0x736C65656B;

    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    /// <summary>Builds the factory for the options.</summary>
    public EngineDb(DatabaseOptions options)
    {
        Options = options;
        if (options.UsePostgres)
        {
            _postgres = new PooledDbContextFactory<PostgresEngineDbContext>(
                new DbContextOptionsBuilder<PostgresEngineDbContext>()
                    .UseNpgsql(WithAutoPrepare(options.PostgresConnectionString!))
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
    public EngineDbContext CreateContext()
    {
        EngineDbContext db = _postgres is not null ? _postgres.CreateDbContext() : _sqlite!.CreateDbContext();
        // No savepoint around each SaveChanges in our transactions: a failed SaveChanges always ends the whole
        // transaction here, so the savepoint would only cost two round trips per SaveChanges.
        db.Database.AutoSavepointsEnabled = false;
        return db;
    }

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

    /// <summary>
    /// Begins a write to one instance: the write gate, a transaction, and the instance loaded for update
    /// (locked on PostgreSQL until the write ends). Dispose it; commit first to keep the changes.
    /// </summary>
    public Task<InstanceWrite> WriteInstanceAsync(Guid instanceId, CancellationToken cancellationToken) =>
        InstanceWrite.BeginAsync(this, instanceId, cancellationToken);

    /// <summary>
    /// Serializes start-up work (migrations, importing <c>workflows/</c>) between hosts that start at the
    /// same time on one PostgreSQL database: a session advisory lock held until disposed, so the second
    /// host finds the first one's work done instead of colliding with it. Nothing on SQLite (one process).
    /// </summary>
    public async Task<IAsyncDisposable> StartupLockAsync(CancellationToken cancellationToken)
    {
        if (!IsPostgres)
        {
            return NoGate.Instance;
        }

        var connection = new NpgsqlConnection(Options.PostgresConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({StartupLockKey})", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The engine runs the same few statements for every burst: prepared once per connection, PostgreSQL
    /// parses and plans them once instead of every time (about a third of its work per burst). Its pooled
    /// connections are also not reset when given back (a reset is several statements, run for each of the
    /// five or so contexts a resume uses): the engine leaves no session state on them — no SET, LISTEN,
    /// temporary table or session lock (those use connections of their own), and Npgsql rolls back an
    /// unfinished transaction regardless. A connection string that sets <c>Max Auto Prepare</c> itself
    /// (0 turns it off, e.g. behind a pooler without prepared-statement support) is kept as it is.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, NoResetOnClose = true }.ConnectionString;
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

    private sealed class NoGate : IDisposable, IAsyncDisposable
    {
        public static readonly NoGate Instance = new();

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class StartupLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({StartupLockKey})", connection);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                // Closing the session would release the lock anyway (also when the host dies holding it).
                await connection.DisposeAsync();
            }
        }
    }
}
