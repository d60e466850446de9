using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Endpoints.Files;
using Sleek.Workflows.Host.Hardening;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Marketplace.Catalog;
using Sleek.Workflows.Marketplace.Files;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Host.Endpoints.Products;

/// <summary>
/// Product images through the file store (PNG, JPEG or WebP, read from the bytes; the image size limit). The owning
/// supplier uploads them and, with staff, reads every one; buyers read a listed product's images that were there when
/// it was last approved (<see cref="ProductImages.Visible"/>): an image added later shows after the next approved change.
/// </summary>
internal static class ProductImageEndpoints
{
    public static void MapProductImageEndpoints(this IEndpointRouteBuilder app)
    {
        var files = app.ServiceProvider.GetRequiredService<FilesOptions>();
        app.MapPost("/api/products/{id:guid}/images", UploadAsync)
            .RequireAuthorization(SleekPolicies.Supplier)
            .AcceptsFileUpload(files.MaxImageBytes)
            .WithTags("Products")
            .WithName("UploadProductImage")
            .WithSummary("The owning supplier adds an image (multipart/form-data, part 'file'): PNG, JPEG or WebP judging by its bytes. Buyers see it once the product is (next) approved.");
        app.MapGet("/api/products/{id:guid}/images/{fileId:guid}", DownloadOwnAsync)
            .RequireAuthorization(SleekPolicies.SignedIn)
            .WithTags("Products")
            .WithName("DownloadProductImage")
            .Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream")
            .WithSummary("Any image of a product: its supplier, admin and ops. Anyone else: 404.");
        app.MapGet("/api/catalog/products/{id:guid}/images/{fileId:guid}", DownloadListedAsync)
            .AllowAnonymous()
            .WithTags("Catalog")
            .WithName("DownloadListedProductImage")
            .Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream")
            .WithSummary("An image of a listed product as approved (anyone, like the product). 404 for an unlisted product or an image added since its approval.");
    }

    private static async Task<Results<Created<FileDto>, BadRequestProblem, TooLargeProblem, UnsupportedTypeProblem, NotFoundProblem>> UploadAsync(
        Guid id, HttpContext http, FileUploads uploads, MarketplaceDb marketplace, IAuditLog audit, CancellationToken cancellationToken)
    {
        var caller = SleekCaller.From(http.User);
        await using (var db = marketplace.CreateContext())
        {
            var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (product is null || product.SupplierId.ToString() != caller.PartyId)
            {
                if (product is not null)
                {
                    await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcome.Denied, $"product={id}", "upload product image", 404, cancellationToken);
                }

                return Problems.NotFound($"no product of yours has id {id}");
            }
        }

        var (form, problem) = await FileForm.ReadAsync(http.Request, cancellationToken);
        if (form is null)
        {
            return problem!;
        }

        var result = await uploads.UploadAsync(form.ToUpload(FileOwnerKind.Product, id, FileKind.ProductImage, caller.Id), cancellationToken);
        if (result.Refusal is { } refusal)
        {
            return FileAnswers.Refused(refusal) switch
            {
                TooLargeProblem large => large,
                UnsupportedTypeProblem type => type,
                BadRequestProblem bad => bad,
                var other => throw new InvalidOperationException($"unexpected refusal {other.StatusCode}"),
            };
        }

        var dto = FileDto.From(result.File!, OwnUrl(result.File!));
        return TypedResults.Created(dto.Url, dto);
    }

    /// <summary>The owner's and staff's route of an image.</summary>
    public static string OwnUrl(StoredFile file) => $"/api/products/{file.OwnerId}/images/{file.Id}";

    /// <summary>The buyers' route of an image.</summary>
    public static string ListedUrl(Guid productId, Guid fileId) => $"/api/catalog/products/{productId}/images/{fileId}";

    private static async Task<Results<FileStreamHttpResult, NotFoundProblem>> DownloadOwnAsync(
        Guid id, Guid fileId, HttpContext http, FileUploads uploads, MarketplaceDb marketplace, IAuditLog audit, CancellationToken cancellationToken)
    {
        var caller = SleekCaller.From(http.User);
        await using var db = marketplace.CreateContext();
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        var own = product is not null && caller.Role == SleekRoles.Supplier && product.SupplierId.ToString() == caller.PartyId;
        if (product is null || !(own || caller.IsStaff))
        {
            if (product is not null)
            {
                await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcome.Denied, $"product={id}", $"download product image {fileId}", 404, cancellationToken);
            }

            return Problems.NotFound($"image {fileId} does not exist");
        }

        return await StreamAsync(http, uploads, id, fileId, null, cancellationToken);
    }

    private static async Task<Results<FileStreamHttpResult, NotFoundProblem>> DownloadListedAsync(
        Guid id, Guid fileId, HttpContext http, FileUploads uploads, MarketplaceDb marketplace, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.IsListed, cancellationToken);
        return product is null ? Problems.NotFound($"image {fileId} does not exist") : await StreamAsync(http, uploads, id, fileId, product, cancellationToken);
    }

    /// <summary>The image's bytes when it belongs to this product (and, for buyers, was there at its approval).</summary>
    private static async Task<Results<FileStreamHttpResult, NotFoundProblem>> StreamAsync(
        HttpContext http, FileUploads uploads, Guid productId, Guid fileId, Product? listed, CancellationToken cancellationToken)
    {
        var file = await uploads.FindAsync(fileId, cancellationToken);
        // The file must be this product's image: a product's route cannot fetch another record's file by its id.
        if (file is null || file.OwnerKind != FileOwnerKind.Product || file.OwnerId != productId
            || (listed is not null && !ProductImages.Visible(listed, file))
            || await uploads.OpenAsync(file, cancellationToken) is not { } content)
        {
            return Problems.NotFound($"image {fileId} does not exist");
        }

        return FileAnswers.Download(http, file, content);
    }
}
