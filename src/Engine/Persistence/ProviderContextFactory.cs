using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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
    private readonly Func<TContext> _onOwnConnection;
    private readonly Func<System.Data.Common.DbConnection, TContext> _onConnection;

    private ProviderContextFactory(DatabaseProvider provider, Func<TContext> onOwnConnection, Func<System.Data.Common.DbConnection, TContext> onConnection)
    {
        Provider = provider;
        _onOwnConnection = onOwnConnection;
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
        // Contexts on a connection of their own come from a pool, as the engine's do: a request asks several (a party
        // check, the audit), and setting one up from scratch cost more than the query it ran.
        if (provider == DatabaseProvider.Postgres)
        {
            var pool = new PooledDbContextFactory<TPostgres>(ProviderContextOptions.For<TPostgres>(provider, engineDb.SharedConnectionString, migrationsHistoryTable));
            return new(provider, () => pool.CreateDbContext(), c => postgres(ProviderContextOptions.For<TPostgres>(provider, c, migrationsHistoryTable)));
        }

        var sqlitePool = new PooledDbContextFactory<TSqlite>(ProviderContextOptions.For<TSqlite>(provider, engineDb.SharedConnectionString, migrationsHistoryTable));
        return new(provider, () => sqlitePool.CreateDbContext(), c => sqlite(ProviderContextOptions.For<TSqlite>(provider, c, migrationsHistoryTable)));
    }

    /// <summary>A context on a connection of its own; dispose it.</summary>
    public TContext CreateContext() => _onOwnConnection();

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
