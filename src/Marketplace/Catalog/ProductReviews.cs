using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Marketplace.Catalog;

/// <summary>
/// The steps of <c>workflows/product-approval</c> on the records, run inside its bursts: a submitted revision is stored
/// (and the product with its first one), then ops approve it — its fields become the product's listed form — or reject
/// it with a reason, which the revision keeps. A changed product keeps its listed (approved) form until the change is
/// approved.
/// </summary>
public static class ProductReviews
{
    /// <summary>Longest rejection reason.</summary>
    public const int MaxReason = 2000;

    /// <summary>
    /// Stores revision <paramref name="revisionId"/> of product <paramref name="productId"/> (made when it does not exist
    /// yet) as pending. A revision that exists already (a re-run) is returned as it is. Error: the product belongs to
    /// another supplier, or another revision is still pending.
    /// </summary>
    public static async Task<(ProductRevision? Revision, string? Error)> SubmitAsync(
        MarketplaceDbContext db, Guid revisionId, Guid productId, Guid supplierId, ValidProductDraft draft, string? submittedBy, Guid? instanceId, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.ProductRevisions.SingleOrDefaultAsync(r => r.Id == revisionId, cancellationToken) is { } existing)
        {
            return (existing, null);
        }

        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is null)
        {
            product = new Product { Id = productId, SupplierId = supplierId, CreatedAt = now };
            db.Products.Add(product);
        }
        else if (product.SupplierId != supplierId)
        {
            return (null, $"product {productId} belongs to another supplier");
        }
        else if (await db.ProductRevisions.AnyAsync(r => r.ProductId == productId && r.Status == ProductRevisionStatus.Pending, cancellationToken))
        {
            return (null, $"product {productId} has a change waiting for review");
        }

        var number = await db.ProductRevisions.Where(r => r.ProductId == productId).Select(r => (int?)r.Number).MaxAsync(cancellationToken) ?? 0;
        var revision = new ProductRevision
        {
            Id = revisionId,
            ProductId = productId,
            Number = number + 1,
            Category = draft.Category,
            Title = draft.Title,
            Description = draft.Description,
            Moq = draft.Moq,
            BasePrice = draft.BasePrice,
            Currency = draft.Currency,
            LeadTimeDays = draft.LeadTimeDays,
            SubmittedBy = submittedBy,
            WorkflowInstanceId = instanceId,
            SubmittedAt = now,
        };
        db.ProductRevisions.Add(revision);
        product.LatestRevisionId = revisionId;
        await db.SaveChangesAsync(cancellationToken);
        return (revision, null);
    }

    /// <summary>
    /// Records ops' decision on a pending revision: approved, it becomes the product's listed form; rejected, it keeps
    /// <paramref name="reason"/> (required). Deciding again the way it was decided changes nothing (a re-run).
    /// </summary>
    public static async Task<(ProductRevision? Revision, string? Error)> DecideAsync(
        MarketplaceDbContext db, Guid revisionId, bool approve, string? reason, DateTime now, CancellationToken cancellationToken)
    {
        var revision = await db.ProductRevisions.SingleOrDefaultAsync(r => r.Id == revisionId, cancellationToken);
        if (revision is null)
        {
            return (null, $"product revision {revisionId} does not exist");
        }

        var wanted = approve ? ProductRevisionStatus.Approved : ProductRevisionStatus.Rejected;
        if (revision.Status == wanted)
        {
            return (revision, null);
        }

        if (revision.Status != ProductRevisionStatus.Pending)
        {
            return (null, $"product revision {revisionId} was {revision.Status.ToString().ToLowerInvariant()} already");
        }

        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (!approve && reason is null)
        {
            return (null, "a rejection needs a reason");
        }

        if (reason is { Length: > MaxReason })
        {
            reason = reason[..MaxReason];
        }

        revision.Status = wanted;
        revision.DecidedAt = now;
        if (approve)
        {
            var product = await db.Products.SingleAsync(p => p.Id == revision.ProductId, cancellationToken);
            product.Category = revision.Category;
            product.Title = revision.Title;
            product.Description = revision.Description;
            product.Moq = revision.Moq;
            product.BasePrice = revision.BasePrice;
            product.Currency = revision.Currency;
            product.LeadTimeDays = revision.LeadTimeDays;
            product.ListedRevisionId = revision.Id;
            product.IsListed = true;
            product.ListedAt = now;
        }
        else
        {
            revision.RejectionReason = reason;
        }

        await db.SaveChangesAsync(cancellationToken);
        return (revision, null);
    }
}
