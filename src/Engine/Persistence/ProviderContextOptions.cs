using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// Context options for a provider, on a connection string or on an open connection (to enlist in a burst's
/// transaction), with the context family's own migrations history table. One place, so the runtime, the design-time
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
        var builder = new DbContextOptionsBuilder<TContext>();
        return (provider switch
        {
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable ?? DefaultHistoryTable)),
            _ => builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable ?? DefaultHistoryTable)),
        }).Options;
    }

    /// <summary>Options on an open connection (the context neither opens nor closes it).</summary>
    /// <typeparam name="TContext">The provider's context subclass.</typeparam>
    /// <param name="provider">The database.</param>
    /// <param name="connection">An open Npgsql or SQLite connection.</param>
    /// <param name="migrationsHistoryTable">The family's history table.</param>
    public static DbContextOptions<TContext> For<TContext>(DatabaseProvider provider, DbConnection connection, string? migrationsHistoryTable = null)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        return (provider switch
        {
            DatabaseProvider.Postgres => builder.UseNpgsql(connection, o => o.MigrationsHistoryTable(migrationsHistoryTable ?? DefaultHistoryTable)),
            _ => builder.UseSqlite(connection, o => o.MigrationsHistoryTable(migrationsHistoryTable ?? DefaultHistoryTable)),
        }).Options;
    }
}
