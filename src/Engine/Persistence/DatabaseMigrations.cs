using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>Start-up migration of a context's tables (the engine's, the marketplace's, security's).</summary>
public static class DatabaseMigrations
{
    /// <summary>
    /// Applies the migrations the database lacks. An up-to-date database is only asked which migrations it has: EF's
    /// <c>Migrate</c> would also build and diff the whole model against the last migration's snapshot (its check for
    /// model changes without a migration), a third of a restart's time in migrations. That check still runs whenever
    /// something is applied, and a test fails on a model change that lacks its migration.
    /// </summary>
    /// <returns>Whether anything was applied.</returns>
    public static async Task<bool> MigrateIfBehindAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (!(await database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            return false;
        }

        await database.MigrateAsync(cancellationToken);
        return true;
    }
}
