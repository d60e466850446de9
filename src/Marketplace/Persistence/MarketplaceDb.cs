using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Marketplace.Persistence.Postgres;
using Sleek.Workflows.Marketplace.Persistence.Sqlite;

namespace Sleek.Workflows.Marketplace.Persistence;

/// <summary>
/// Creates marketplace contexts on the engine's database (same provider and connection string). API
/// code uses <see cref="CreateContext()"/> (its own connection) and writes through <c>db.WriteAsync</c> /
/// <c>db.BeginWriteAsync</c> (<see cref="DbContextWrites"/>), which take SQLite's write gate themselves;
/// activities use <see cref="CreateContext(ActivityContext)"/>, which enlists in the burst's transaction so their
/// records commit with the instance state or not at all.
/// </summary>
public sealed class MarketplaceDb(EngineDb engineDb)
{
    private readonly ProviderContextFactory<MarketplaceDbContext> _contexts =
        ProviderContextFactory<MarketplaceDbContext>.Create<PostgresMarketplaceDbContext, SqliteMarketplaceDbContext>(
            engineDb, MarketplaceDbContext.MigrationsHistoryTable);

    /// <summary>A context on a connection of its own; dispose it. Write through <c>db.WriteAsync</c> / <c>db.BeginWriteAsync</c>.</summary>
    public MarketplaceDbContext CreateContext() => _contexts.CreateContext();

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
    public MarketplaceDbContext CreateContext(BurstTransaction transaction) => _contexts.CreateContext(transaction);

    /// <summary>Applies pending marketplace migrations (after the engine's; history in <c>__marketplace_migrations</c>).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        await db.WriteAsync(ct => db.Database.MigrateIfBehindAsync(ct), cancellationToken);
    }

    /// <summary>Adds the categories and demo suppliers that are missing (idempotent; see <see cref="MarketplaceSeed"/>).</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        if (await MarketplaceSeed.IsNeededAsync(db, cancellationToken))
        {
            await db.WriteAsync(ct => MarketplaceSeed.ApplyAsync(db, ct), cancellationToken);
        }
    }
}
