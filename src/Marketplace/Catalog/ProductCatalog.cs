using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Marketplace.Catalog;

/// <summary>
/// The buyer side of the product catalog: search and read <b>listed</b> products only (an unapproved product is never
/// found, whoever asks), count views and inquiries. The text match is the database's own
/// (<see cref="MarketplaceDbContext.MatchingProducts"/>: tsvector + GIN on PostgreSQL, LIKE on SQLite).
/// </summary>
public sealed class ProductCatalog(MarketplaceDb marketplace)
{
    /// <summary>One page of listed products matching <paramref name="search"/>, newest listing first, and the total.</summary>
    public async Task<(IReadOnlyList<ListedProduct> Items, int Total)> SearchAsync(ProductSearch search, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        var products = string.IsNullOrWhiteSpace(search.Text) ? db.Products.AsNoTracking() : db.MatchingProducts(search.Text.Trim()).AsNoTracking();
        products = products.Where(p => p.IsListed);
        if (search.Category is { } category)
        {
            products = products.Where(p => p.Category == category);
        }

        if (search.MaxMoq is { } maxMoq)
        {
            products = products.Where(p => p.Moq <= maxMoq);
        }

        var total = await products.CountAsync(cancellationToken);
        var page = await Listed(db, products.OrderByDescending(p => p.ListedAt).ThenBy(p => p.Id).Skip(search.Skip).Take(search.Take)).ToListAsync(cancellationToken);
        return (await WithImagesAsync(db, page, cancellationToken), total);
    }

    /// <summary>A listed product, or null (unknown or not approved yet); <paramref name="countView"/> adds one to its views.</summary>
    public async Task<ListedProduct?> FindListedAsync(Guid id, bool countView, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        if (countView)
        {
            // One conditional update: concurrent views all count, and an unlisted product counts none.
            await db.WriteAsync(
                ct => db.Products.Where(p => p.Id == id && p.IsListed).ExecuteUpdateAsync(s => s.SetProperty(p => p.Views, p => p.Views + 1), ct),
                cancellationToken);
        }

        var product = await Listed(db, db.Products.AsNoTracking().Where(p => p.Id == id && p.IsListed)).SingleOrDefaultAsync(cancellationToken);
        return product is null ? null : (await WithImagesAsync(db, [product], cancellationToken))[0];
    }

    /// <summary>
    /// Links quote <paramref name="quoteId"/> to the product it was asked for from and counts the inquiry, in one
    /// transaction; a quote linked already (a repeat) counts nothing. True when this call linked it.
    /// </summary>
    public async Task<bool> RecordInquiryAsync(Guid quoteId, Guid productId, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var linked = await db.Quotes.Where(q => q.Id == quoteId && q.ProductId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.ProductId, (Guid?)productId), cancellationToken);
        if (linked == 1)
        {
            await db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Inquiries, p => p.Inquiries + 1), cancellationToken);
        }

        await write.CommitAsync(cancellationToken);
        return linked == 1;
    }

    /// <summary>The products with the ids of their images as approved (uploaded by the time of the last approval).</summary>
    private static async Task<IReadOnlyList<ListedProduct>> WithImagesAsync(MarketplaceDbContext db, IReadOnlyList<ListedProduct> products, CancellationToken cancellationToken)
    {
        var images = await ProductImages.OfAsync(db, [.. products.Select(p => p.Id)], cancellationToken);
        return [.. products.Select(p => images.TryGetValue(p.Id, out var files)
            ? p with { ImageIds = [.. files.Where(f => p.ListedAt is { } at && f.UploadedAt.UtcDateTime <= at).Select(f => f.Id)] }
            : p)];
    }

    private static IQueryable<ListedProduct> Listed(MarketplaceDbContext db, IQueryable<Product> products) =>
        from p in products
        join s in db.Suppliers on p.SupplierId equals s.Id
        select new ListedProduct(p.Id, p.Category, p.Title, p.Description, p.Moq, p.BasePrice, p.Currency, p.LeadTimeDays, p.Views, p.Inquiries, s.Rating, s.Id, s.Name, p.ListedAt);
}
