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
///     engineDb, MarketplaceDbContext.MigrationsHistoryTable);
/// </code>
/// </example>
public sealed class ProviderContextFactory<TContext>
    where TContext : DbContext
{
    private readonly Func<TContext> _onOwnConnection;
    private readonly Func<TContext> _enlisted;

    private ProviderContextFactory(DatabaseProvider provider, Func<TContext> onOwnConnection, Func<TContext> enlisted)
    {
        Provider = provider;
        _onOwnConnection = onOwnConnection;
        _enlisted = enlisted;
    }

    /// <summary>The engine's database.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>A factory for the family whose provider subclasses are <typeparamref name="TPostgres"/> and <typeparamref name="TSqlite"/>.</summary>
    /// <typeparam name="TPostgres">The PostgreSQL subclass (its migrations); pooled, so it needs a public constructor taking its options.</typeparam>
    /// <typeparam name="TSqlite">The SQLite subclass (its migrations); likewise.</typeparam>
    /// <param name="engineDb">The engine's database, whose provider and connection the family shares.</param>
    /// <param name="migrationsHistoryTable">The family's history table, so its migrations never mix with another family's.</param>
    public static ProviderContextFactory<TContext> Create<TPostgres, TSqlite>(EngineDb engineDb, string? migrationsHistoryTable = null)
        where TPostgres : TContext
        where TSqlite : TContext
    {
        var provider = engineDb.Provider;
        // Both kinds of context come from pools, as the engine's do: a request asks several (a party check, the audit),
        // and setting one up from scratch (its options, its scoped services) cost more than the query it ran. Contexts
        // for a burst's connection have a pool of their own, without a connection: each is given the burst's when rented.
        if (provider == DatabaseProvider.Postgres)
        {
            var own = new PooledDbContextFactory<TPostgres>(ProviderContextOptions.For<TPostgres>(provider, engineDb.SharedConnectionString, migrationsHistoryTable));
            var enlisted = new PooledDbContextFactory<TPostgres>(ProviderContextOptions.ForEnlisting<TPostgres>(provider, migrationsHistoryTable));
            return new(provider, () => own.CreateDbContext(), () => enlisted.CreateDbContext());
        }

        var sqliteOwn = new PooledDbContextFactory<TSqlite>(ProviderContextOptions.For<TSqlite>(provider, engineDb.SharedConnectionString, migrationsHistoryTable));
        var sqliteEnlisted = new PooledDbContextFactory<TSqlite>(ProviderContextOptions.ForEnlisting<TSqlite>(provider, migrationsHistoryTable));
        return new(provider, () => sqliteOwn.CreateDbContext(), () => sqliteEnlisted.CreateDbContext());
    }

    /// <summary>A context on a connection of its own; dispose it.</summary>
    public TContext CreateContext() => _onOwnConnection();

    /// <summary>
    /// A context on a burst's connection, enlisted in its transaction: what it saves commits with the burst or not at
    /// all. Dispose it before the activity returns (the connection and the transaction stay the burst's).
    /// </summary>
    public TContext CreateContext(BurstTransaction burst)
    {
        // A pooled context keeps the connection it was last given until it is given the next one; it never owns it.
        var db = _enlisted();
        db.Database.SetDbConnection(burst.Connection, contextOwnsConnection: false);
        db.Database.UseTransaction(burst.Transaction);
        // A failed SaveChanges fails the burst's whole transaction anyway; savepoints would only cost round trips.
        db.Database.AutoSavepointsEnabled = false;
        return db;
    }
}
