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
