using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Catalog;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Marketplace.Persistence;

/// <summary>
/// Start-up data so the embedded default can demo the whole path: every catalog category that is
/// missing, and the demo suppliers on a database that has no supplier yet (so ops' deletions stick).
/// Hosts starting together on PostgreSQL run this under the engine's start-up lock.
/// </summary>
public static class MarketplaceSeed
{
    /// <summary>
    /// Whether anything is missing, in one small read without EF's query pipeline: on a restart this is all the seed
    /// does (a LINQ query's first compilation and a write transaction cost more than the read itself).
    /// </summary>
    public static async Task<bool> IsNeededAsync(MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        // Opened through EF, so the provider's connection set-up (interceptors) runs as for any query.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            // Table and column names as both providers' migrations made them (snake case).
            command.CommandText = "SELECT \"key\" FROM categories UNION ALL SELECT NULL WHERE NOT EXISTS (SELECT 1 FROM suppliers)";
            var existing = new HashSet<string>(StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (reader.IsDBNull(0))
                    {
                        return true; // no supplier yet
                    }

                    existing.Add(reader.GetString(0));
                }
            }

            return CategoryCatalog.All.Any(c => !existing.Contains(c.Key));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Inserts what is missing; returns the number of rows added.</summary>
    public static async Task<int> ApplyAsync(MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Categories.Select(c => c.Key).ToListAsync(cancellationToken);
        var categories = CategoryCatalog.All.Where(c => !existing.Contains(c.Key)).ToList();
        db.Categories.AddRange(categories);

        var suppliers = await db.Suppliers.AnyAsync(cancellationToken) ? [] : DemoSuppliers.Create();
        db.Suppliers.AddRange(suppliers);

        await db.SaveChangesAsync(cancellationToken);
        return categories.Count + suppliers.Count;
    }
}
