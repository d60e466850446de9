using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Marketplace.Persistence.Postgres;
using Sleek.Workflows.Marketplace.Persistence.Sqlite;

namespace Sleek.Workflows.Marketplace.Persistence;

/// <summary>
/// Creates marketplace contexts on the engine's database (same provider and connection string). API
/// code uses <see cref="CreateContext()"/> (its own connection; writes on SQLite take
/// <see cref="WriteGateAsync"/> first); activities use <see cref="CreateContext(ActivityContext)"/>, which
/// enlists in the burst's transaction so their records commit with the instance state or not at all.
/// </summary>
public sealed class MarketplaceDb
{
    private readonly EngineDb _engineDb;
    private readonly string _connectionString;

    /// <summary>Uses the engine's database settings.</summary>
    public MarketplaceDb(EngineDb engineDb)
    {
        _engineDb = engineDb;
        var options = engineDb.Options;
        // SQLite: a busy timeout like the engine's (WAL is a property of the file, set by the engine's migration).
        _connectionString = options.UsePostgres
            ? options.PostgresConnectionString!
            : new SqliteConnectionStringBuilder { DataSource = options.SqlitePath, Cache = SqliteCacheMode.Private, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>True for PostgreSQL.</summary>
    public bool IsPostgres => _engineDb.IsPostgres;

    /// <summary>A context on a connection of its own; dispose it. Writes on SQLite: hold <see cref="WriteGateAsync"/>.</summary>
    public MarketplaceDbContext CreateContext() => IsPostgres
        ? PostgresMarketplaceDbContext.Create(_connectionString)
        : SqliteMarketplaceDbContext.Create(_connectionString);

    /// <summary>
    /// A context on the running burst's connection, enlisted in its transaction: SaveChanges writes
    /// commit when the burst commits and vanish when it rolls back. Dispose it before the activity returns
    /// (the connection and transaction stay the burst's).
    /// </summary>
    /// <exception cref="InvalidOperationException">The activity runs without a database transaction (e.g. a unit test's interpreter).</exception>
    public MarketplaceDbContext CreateContext(ActivityContext context) =>
        CreateContext(context.Transaction ?? throw new InvalidOperationException(
            $"activity '{context.ActivityId}' ({context.ActivityType}) needs the burst's database transaction to write marketplace records, but it runs without one; run it in the host's runtime"));

    /// <summary>A context enlisted in the given burst transaction (see <see cref="CreateContext(ActivityContext)"/>).</summary>
    public MarketplaceDbContext CreateContext(BurstTransaction transaction)
    {
        MarketplaceDbContext db = transaction.Provider == DatabaseProvider.Postgres
            ? PostgresMarketplaceDbContext.Create(transaction.Connection)
            : SqliteMarketplaceDbContext.Create(transaction.Connection);
        db.Database.UseTransaction(transaction.Transaction);
        // A failed SaveChanges fails the burst's whole transaction anyway; savepoints would only cost round trips.
        db.Database.AutoSavepointsEnabled = false;
        return db;
    }

    /// <summary>The engine's SQLite writer lock (returns at once on PostgreSQL); hold it around API write transactions.</summary>
    public ValueTask<IDisposable> WriteGateAsync(CancellationToken cancellationToken) => _engineDb.WriteGateAsync(cancellationToken);

    /// <summary>Applies pending marketplace migrations (after the engine's; history in <c>__marketplace_migrations</c>).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        using var gate = await WriteGateAsync(cancellationToken);
        await using var db = CreateContext();
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>Adds the categories and demo suppliers that are missing (idempotent; see <see cref="MarketplaceSeed"/>).</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        using var gate = await WriteGateAsync(cancellationToken);
        await using var db = CreateContext();
        await MarketplaceSeed.ApplyAsync(db, cancellationToken);
    }
}
