using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Activities;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// Creates the contexts of one context family (marketplace, security, …) on the engine's database: the provider
/// and connection the engine uses, the family's subclass for that provider, its migrations history table. Write
/// through <see cref="DbContextWrites"/> (<c>db.WriteAsync</c>, <c>db.BeginWriteAsync</c>), which enter the SQLite
/// gate themselves.
/// </summary>
/// <typeparam name="TContext">The family's base context; one subclass per provider holds its migrations.</typeparam>
/// <example>
/// <code>
/// _contexts = ProviderContextFactory&lt;MarketplaceDbContext&gt;.Create&lt;PostgresMarketplaceDbContext, SqliteMarketplaceDbContext&gt;(
///     engineDb, o =&gt; new(o), o =&gt; new(o), MarketplaceDbContext.MigrationsHistoryTable);
/// </code>
/// </example>
public sealed class ProviderContextFactory<TContext>
    where TContext : DbContext
{
    private readonly string _connectionString;
    private readonly Func<string, TContext> _onConnectionString;
    private readonly Func<System.Data.Common.DbConnection, TContext> _onConnection;

    private ProviderContextFactory(DatabaseProvider provider, string connectionString, Func<string, TContext> onConnectionString, Func<System.Data.Common.DbConnection, TContext> onConnection)
    {
        Provider = provider;
        _connectionString = connectionString;
        _onConnectionString = onConnectionString;
        _onConnection = onConnection;
    }

    /// <summary>The engine's database.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>A factory for the family whose provider subclasses are <typeparamref name="TPostgres"/> and <typeparamref name="TSqlite"/>.</summary>
    /// <typeparam name="TPostgres">The PostgreSQL subclass (its migrations).</typeparam>
    /// <typeparam name="TSqlite">The SQLite subclass (its migrations).</typeparam>
    /// <param name="engineDb">The engine's database, whose provider and connection the family shares.</param>
    /// <param name="postgres">Constructs the PostgreSQL subclass.</param>
    /// <param name="sqlite">Constructs the SQLite subclass.</param>
    /// <param name="migrationsHistoryTable">The family's history table, so its migrations never mix with another family's.</param>
    public static ProviderContextFactory<TContext> Create<TPostgres, TSqlite>(
        EngineDb engineDb,
        Func<DbContextOptions<TPostgres>, TPostgres> postgres,
        Func<DbContextOptions<TSqlite>, TSqlite> sqlite,
        string? migrationsHistoryTable = null)
        where TPostgres : TContext
        where TSqlite : TContext
    {
        var provider = engineDb.Provider;
        return provider == DatabaseProvider.Postgres
            ? new(
                provider,
                engineDb.SharedConnectionString,
                s => postgres(ProviderContextOptions.For<TPostgres>(provider, s, migrationsHistoryTable)),
                c => postgres(ProviderContextOptions.For<TPostgres>(provider, c, migrationsHistoryTable)))
            : new(
                provider,
                engineDb.SharedConnectionString,
                s => sqlite(ProviderContextOptions.For<TSqlite>(provider, s, migrationsHistoryTable)),
                c => sqlite(ProviderContextOptions.For<TSqlite>(provider, c, migrationsHistoryTable)));
    }

    /// <summary>A context on a connection of its own; dispose it.</summary>
    public TContext CreateContext() => _onConnectionString(_connectionString);

    /// <summary>
    /// A context on a burst's connection, enlisted in its transaction: what it saves commits with the burst or not at
    /// all. Dispose it before the activity returns (the connection and the transaction stay the burst's).
    /// </summary>
    public TContext CreateContext(BurstTransaction burst)
    {
        var db = _onConnection(burst.Connection);
        db.Database.UseTransaction(burst.Transaction);
        // A failed SaveChanges fails the burst's whole transaction anyway; savepoints would only cost round trips.
        db.Database.AutoSavepointsEnabled = false;
        return db;
    }
}
