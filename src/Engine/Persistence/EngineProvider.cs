using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Persistence.Postgres;
using Sleek.Workflows.Engine.Persistence.Sqlite;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// Everything the engine does differently per database, behind <see cref="EngineDb"/>: contexts and connections,
/// the burst store, the work queue's lock clause, migration extras, the start-up lock, and hosted
/// services of the database (PostgreSQL's LISTEN). One subclass per database, in its folder; <see cref="For"/> is the
/// only place that chooses.
/// </summary>
internal abstract class EngineProvider
{
    /// <summary>Which database.</summary>
    public abstract DatabaseProvider Kind { get; }

    /// <summary>Its name for logs and health.</summary>
    public abstract string Name { get; }

    /// <summary>One write transaction at a time from one process (see <see cref="EngineDb.SingleWriter"/>).</summary>
    public abstract bool SingleWriter { get; }

    /// <summary>The connection string other context families use (<see cref="ProviderContextFactory{TContext}"/>).</summary>
    public abstract string SharedConnectionString { get; }

    /// <summary>
    /// What the work queue's claim adds to its sub-select, so that workers of several hosts never block on or take
    /// the same item (empty where one writer runs at a time anyway).
    /// </summary>
    public abstract string SkipLockedClause { get; }

    /// <summary>A new engine context; dispose it.</summary>
    public abstract EngineDbContext CreateContext();

    /// <summary>The burst store of the database.</summary>
    public abstract IBurstStore CreateBurstStore(EngineDb engineDb);

    /// <summary>Runs after the migrations (e.g. a file setting).</summary>
    public virtual Task AfterMigrateAsync(EngineDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Serializes start-up work between hosts that share the database (nothing where one process does).</summary>
    public virtual Task<IAsyncDisposable> StartupLockAsync(CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    /// <summary>The provider for the options: PostgreSQL when a connection string is set, else the SQLite file.</summary>
    public static EngineProvider For(DatabaseOptions options) =>
        options.UsePostgres ? new PostgresEngineProvider(options) : new SqliteEngineProvider(options);

    /// <summary>Adds the database's hosted services (those that run with the workers).</summary>
    public static void AddWorkerServices(IServiceCollection services, DatabaseOptions options)
    {
        if (options.UsePostgres)
        {
            PostgresWorkListener.AddTo(services);
            services.AddHostedService<PostgresInstanceNotifier>();
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
