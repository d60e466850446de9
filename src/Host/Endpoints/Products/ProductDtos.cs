using Sleek.Workflows.Host.Endpoints.Files;
using Sleek.Workflows.Marketplace.Catalog;
using Sleek.Workflows.Marketplace.Files;

namespace Sleek.Workflows.Host.Endpoints.Products;

/// <summary>A product's fields (its listed form, or one revision's proposal).</summary>
/// <param name="Category">Category key.</param>
/// <param name="Title">Title.</param>
/// <param name="Description">Description (plain text; escape it when showing it as HTML).</param>
/// <param name="Moq">Minimum order quantity.</param>
/// <param name="BasePrice">Per unit, in Currency.</param>
/// <param name="Currency">ISO 4217 (USD).</param>
/// <param name="LeadTimeDays">Days.</param>
internal sealed record ProductFieldsDto(string Category, string Title, string Description, int Moq, decimal BasePrice, string Currency, int LeadTimeDays)
{
    public static ProductFieldsDto Of(ProductRevision r) => new(r.Category, r.Title, r.Description, r.Moq, r.BasePrice, r.Currency, r.LeadTimeDays);

    public static ProductFieldsDto? Listed(Product p) =>
        p.IsListed ? new(p.Category, p.Title, p.Description, p.Moq, p.BasePrice, p.Currency, p.LeadTimeDays) : null;
}

/// <summary>One submitted version of a product and its review.</summary>
/// <param name="Id">Revision id (the correlation id of its product-approval instance).</param>
/// <param name="Number">1, 2, …</param>
/// <param name="Status">pending, approved or rejected.</param>
/// <param name="Fields">What was proposed.</param>
/// <param name="RejectionReason">Why ops rejected it.</param>
/// <param name="InstanceId">Its product-approval workflow instance.</param>
/// <param name="SubmittedAt">UTC.</param>
/// <param name="DecidedAt">UTC.</param>
internal sealed record ProductRevisionDto(Guid Id, int Number, string Status, ProductFieldsDto Fields, string? RejectionReason, Guid? InstanceId, DateTime SubmittedAt, DateTime? DecidedAt)
{
    public static ProductRevisionDto Of(ProductRevision r) =>
        new(r.Id, r.Number, r.Status.ToString().ToLowerInvariant(), ProductFieldsDto.Of(r), r.RejectionReason, r.WorkflowInstanceId, r.SubmittedAt, r.DecidedAt);
}

/// <summary>A product as its supplier (and ops) see it: the listed form buyers see, and the latest revision with its review.</summary>
/// <param name="Id">Product id.</param>
/// <param name="SupplierId">Its supplier.</param>
/// <param name="IsListed">Buyers see it (a revision was approved).</param>
/// <param name="Listed">The listed form, null until the first approval.</param>
/// <param name="Latest">The latest revision: pending, approved or rejected (with the reason).</param>
/// <param name="Views">Product page views by buyers.</param>
/// <param name="Inquiries">Quotes asked for from it.</param>
/// <param name="CreatedAt">UTC.</param>
/// <param name="ListedAt">UTC, the last approval.</param>
/// <param name="Revisions">Every revision, newest first (the single-product read only).</param>
/// <param name="Images">Its images, oldest first, at the owner's route (buyers see those uploaded by the last approval).</param>
internal sealed record SupplierProductDto(
    Guid Id,
    Guid SupplierId,
    bool IsListed,
    ProductFieldsDto? Listed,
    ProductRevisionDto? Latest,
    int Views,
    int Inquiries,
    DateTime CreatedAt,
    DateTime? ListedAt,
    IReadOnlyList<ProductRevisionDto>? Revisions,
    IReadOnlyList<FileDto> Images)
{
    public static SupplierProductDto Of(Product p, ProductRevision? latest, IReadOnlyList<StoredFile> images, IReadOnlyList<ProductRevision>? revisions = null) => new(
        p.Id,
        p.SupplierId,
        p.IsListed,
        ProductFieldsDto.Listed(p),
        latest is null ? null : ProductRevisionDto.Of(latest),
        p.Views,
        p.Inquiries,
        p.CreatedAt,
        p.ListedAt,
        revisions?.Select(ProductRevisionDto.Of).ToList(),
        [.. images.Select(f => FileDto.From(f, ProductImageEndpoints.OwnUrl(f)))]);
}
