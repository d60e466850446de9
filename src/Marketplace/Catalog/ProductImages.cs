using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Files;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Marketplace.Catalog;

/// <summary>
/// A product's images (files of kind <see cref="FileKind.ProductImage"/> owned by the product). Buyers see those that
/// were uploaded when the product was last approved: an image added later waits for the next approved change, like any
/// other change to a listed product.
/// </summary>
public static class ProductImages
{
    /// <summary>True when buyers may see <paramref name="image"/> of listed <paramref name="product"/>.</summary>
    public static bool Visible(Product product, StoredFile image) =>
        product.IsListed && product.ListedAt is { } listedAt && image.UploadedAt.UtcDateTime <= listedAt;

    /// <summary>The images of these products, oldest first, by product.</summary>
    public static async Task<Dictionary<Guid, List<StoredFile>>> OfAsync(MarketplaceDbContext db, IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        var files = await db.Files.AsNoTracking()
            .Where(f => f.OwnerKind == FileOwnerKind.Product && f.Kind == FileKind.ProductImage && productIds.Contains(f.OwnerId))
            .ToListAsync(cancellationToken);
        return files.OrderBy(f => f.UploadedAt).ThenBy(f => f.Id).GroupBy(f => f.OwnerId).ToDictionary(g => g.Key, g => g.ToList());
    }
}
