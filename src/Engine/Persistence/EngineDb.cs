using Microsoft.EntityFrameworkCore;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// The engine's database: engine contexts for the configured provider (PostgreSQL when a connection string is set,
/// else the embedded SQLite file), its burst store, migrations and start-up lock. What differs between the two
/// databases lives in <c>Persistence/Postgres</c> and <c>Persistence/Sqlite</c>; this class picks one, once.
/// Writes go through <see cref="DbContextWrites"/> (<c>db.WriteAsync</c>, <c>db.BeginWriteAsync</c>), which take
/// SQLite's write gate themselves.
/// </summary>
public sealed class EngineDb : IDisposable
{
    private readonly EngineProvider _provider;
    private IBurstStore? _burstStore;
    private ProviderContextFactory<EngineDbContext>? _enlisted;

    /// <summary>Builds the database for the options.</summary>
    public EngineDb(DatabaseOptions options)
    {
        Options = options;
        _provider = EngineProvider.For(options);
    }

    /// <summary>The options in use.</summary>
    public DatabaseOptions Options { get; }

    /// <summary>The database in use.</summary>
    public DatabaseProvider Provider => _provider.Kind;

    /// <summary>Provider name for logs and health.</summary>
    public string ProviderName => _provider.Name;

    /// <summary>
    /// True when the database takes one write transaction at a time from one process (the embedded SQLite file):
    /// writers queue at its gate, so one worker loop suffices, a lease needs no renewal (no other host could take
    /// it over) and a claim of another process is abandoned.
    /// </summary>
    public bool SingleWriter => _provider.SingleWriter;

    /// <summary>The burst store of this database.</summary>
    internal IBurstStore BurstStore => _burstStore ??= _provider.CreateBurstStore(this);

    /// <summary>The work queue's lock clause (see <see cref="EngineProvider.SkipLockedClause"/>).</summary>
    internal string SkipLockedClause => _provider.SkipLockedClause;

    /// <summary>The connection string other context families use on this database.</summary>
    internal string SharedConnectionString => _provider.SharedConnectionString;

    /// <summary>A new context; dispose it. Write through <c>db.WriteAsync</c> / <c>db.BeginWriteAsync</c>.</summary>
    public EngineDbContext CreateContext()
    {
        var db = _provider.CreateContext();
        // No savepoint around each SaveChanges in our transactions: a failed SaveChanges always ends the whole
        // transaction here, so the savepoint would only cost two round trips per SaveChanges.
        db.Database.AutoSavepointsEnabled = false;
        return db;
    }

    /// <summary>
    /// An engine context on a burst's connection, enlisted in its transaction (for built-in activities that write engine
    /// rows, such as a child instance): what it saves commits with the burst or not at all. Dispose it.
    /// </summary>
    internal EngineDbContext CreateContext(Activities.BurstTransaction burst) =>
        (_enlisted ??= ProviderContextFactory<EngineDbContext>.Create<Postgres.PostgresEngineDbContext, Sqlite.SqliteEngineDbContext>(this))
            .CreateContext(burst);

    /// <summary>
    /// Serializes start-up work (migrations, importing <c>workflows/</c>) between hosts that start at the
    /// same time on one PostgreSQL database: a session advisory lock held until disposed, so the second
    /// host finds the first one's work done instead of colliding with it. Nothing on SQLite (one process).
    /// </summary>
    public Task<IAsyncDisposable> StartupLockAsync(CancellationToken cancellationToken) => _provider.StartupLockAsync(cancellationToken);

    /// <summary>Applies pending migrations (and WAL mode on SQLite).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        await db.Database.MigrateIfBehindAsync(cancellationToken);
        await _provider.AfterMigrateAsync(db, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Holds nothing to release today (the SQLite gate lives as long as the process); kept so hosts and tests dispose it.</remarks>
    public void Dispose()
    {
    }
}
