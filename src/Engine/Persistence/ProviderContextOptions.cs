using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// Context options for a provider, on a connection string or without a connection (pooled contexts given a burst's
/// connection when rented), with the context family's own migrations history table. One place, so the runtime, the design-time
/// factories and the burst's enlisted contexts configure a context the same way.
/// </summary>
public static class ProviderContextOptions
{
    /// <summary>EF Core's default history table, which the engine's migrations use.</summary>
    public const string DefaultHistoryTable = "__EFMigrationsHistory";

    /// <summary>Options on a connection string.</summary>
    /// <typeparam name="TContext">The provider's context subclass.</typeparam>
    /// <param name="provider">The database.</param>
    /// <param name="connectionString">An Npgsql or SQLite connection string.</param>
    /// <param name="migrationsHistoryTable">The family's history table (null: EF's default, which the engine uses).</param>
    public static DbContextOptions<TContext> For<TContext>(DatabaseProvider provider, string connectionString, string? migrationsHistoryTable = null)
        where TContext : DbContext
    {
        var builder = WithCompiledModel(new DbContextOptionsBuilder<TContext>());
        return (provider switch
        {
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable ?? DefaultHistoryTable)),
            _ => builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable ?? DefaultHistoryTable)),
        }).Options;
    }

    /// <summary>
    /// Options without a connection, for pooled contexts that are each given a burst's open connection when rented
    /// (<see cref="ProviderContextFactory{TContext}.CreateContext(Activities.BurstTransaction)"/>).
    /// </summary>
    /// <typeparam name="TContext">The provider's context subclass.</typeparam>
    /// <param name="provider">The database.</param>
    /// <param name="migrationsHistoryTable">The family's history table.</param>
    public static DbContextOptions<TContext> ForEnlisting<TContext>(DatabaseProvider provider, string? migrationsHistoryTable = null)
        where TContext : DbContext
    {
        var builder = WithCompiledModel(new DbContextOptionsBuilder<TContext>());
        return (provider switch
        {
            DatabaseProvider.Postgres => builder.UseNpgsql(o => o.MigrationsHistoryTable(migrationsHistoryTable ?? DefaultHistoryTable)),
            _ => builder.UseSqlite(o => o.MigrationsHistoryTable(migrationsHistoryTable ?? DefaultHistoryTable)),
        }).Options;
    }

    /// <summary>
    /// The context's compiled model (<c>Persistence/&lt;Provider&gt;/CompiledModel</c>), found once per context type and
    /// named in the options. Left to itself, EF finds it anew whenever a context sets up its services, by reading the
    /// assembly's attributes and calling the model's <c>Instance</c> through reflection (a fresh invoker each time,
    /// finalized later): when the burst's contexts were not pooled yet, that came with every resume.
    /// </summary>
    public static DbContextOptionsBuilder<TContext> WithCompiledModel<TContext>(DbContextOptionsBuilder<TContext> builder)
        where TContext : DbContext =>
        CompiledModelOf<TContext>.Model is { } model ? builder.UseModel(model) : builder;

    private static class CompiledModelOf<TContext>
        where TContext : DbContext
    {
        public static readonly IModel? Model = Find();

        private static IModel? Find()
        {
            var attribute = typeof(TContext).Assembly.GetCustomAttributes<DbContextModelAttribute>()
                .FirstOrDefault(a => a.ContextType == typeof(TContext));
            return attribute?.ModelType.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IModel;
        }
    }
}
