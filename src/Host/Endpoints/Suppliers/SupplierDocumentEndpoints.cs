using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Endpoints.Files;
using Sleek.Workflows.Host.Hardening;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Marketplace.Files;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Host.Endpoints.Suppliers;

/// <summary>
/// A supplier's documents (business licence, certificates): uploaded by the supplier's own users or staff, read by the
/// same callers; anyone else gets 404, as for a supplier that does not exist.
/// </summary>
internal static class SupplierDocumentEndpoints
{
    public static void MapSupplierDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var files = app.ServiceProvider.GetRequiredService<FilesOptions>();
        app.MapPost("/api/suppliers/{id:guid}/documents", UploadAsync)
            .RequireAuthorization(SleekPolicies.SignedIn)
            .AcceptsFileUpload(files.MaxDocumentBytes)
            .WithTags("Suppliers")
            .WithName("UploadSupplierDocument")
            .WithSummary("Uploads a document (multipart/form-data: 'file', and 'kind' = business_licence, certificate or other_document). The type is read from the bytes: PDF, PNG, JPEG or WebP.");
        app.MapGet("/api/suppliers/{id:guid}/documents", ListAsync)
            .RequireAuthorization(SleekPolicies.SignedIn)
            .WithTags("Suppliers")
            .WithName("ListSupplierDocuments")
            .WithSummary("A supplier's documents, oldest first.");
        app.MapGet("/api/suppliers/{id:guid}/documents/{fileId:guid}", DownloadAsync)
            .RequireAuthorization(SleekPolicies.SignedIn)
            .WithTags("Suppliers")
            .WithName("DownloadSupplierDocument")
            .Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream")
            .WithSummary("A document's bytes as an attachment, with the type found in them.");
    }

    /// <summary>The download route of a supplier's document.</summary>
    public static string UrlOf(StoredFile file) => $"/api/suppliers/{file.OwnerId}/documents/{file.Id}";

    private static async Task<Results<Created<FileDto>, BadRequestProblem, TooLargeProblem, UnsupportedTypeProblem, NotFoundProblem>> UploadAsync(
        Guid id, HttpContext http, FileUploads uploads, MarketplaceDb marketplace, IAuditLog audit, CancellationToken cancellationToken)
    {
        var caller = SleekCaller.From(http.User);
        if (!await ExistsForAsync(http, caller, id, marketplace, audit, "upload document", cancellationToken))
        {
            return Problems.NotFound($"supplier {id} does not exist");
        }

        var (form, problem) = await FileForm.ReadAsync(http.Request, cancellationToken);
        if (form is null)
        {
            return problem!;
        }

        var kindName = form.Field("kind");
        var kind = FileKinds.SupplierDocuments.FirstOrDefault(k => SnakeCase.Of(k.ToString()) == kindName, (FileKind)(-1));
        if ((int)kind < 0)
        {
            return Problems.Invalid("kind", $"must be one of {string.Join(", ", FileKinds.SupplierDocuments.Select(k => SnakeCase.Of(k.ToString())))}");
        }

        var result = await uploads.UploadAsync(form.ToUpload(FileOwnerKind.Supplier, id, kind, caller.Id), cancellationToken);
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

        var dto = FileDto.From(result.File!, UrlOf(result.File!));
        return TypedResults.Created(dto.Url, dto);
    }

    private static async Task<Results<Ok<IEnumerable<FileDto>>, NotFoundProblem>> ListAsync(
        Guid id, HttpContext http, FileUploads uploads, MarketplaceDb marketplace, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (!await ExistsForAsync(http, SleekCaller.From(http.User), id, marketplace, audit, "list documents", cancellationToken))
        {
            return Problems.NotFound($"supplier {id} does not exist");
        }

        var files = await uploads.OfOwnerAsync(FileOwnerKind.Supplier, id, cancellationToken);
        return TypedResults.Ok(files.Select(f => FileDto.From(f, UrlOf(f))));
    }

    private static async Task<Results<FileStreamHttpResult, NotFoundProblem>> DownloadAsync(
        Guid id, Guid fileId, HttpContext http, FileUploads uploads, MarketplaceDb marketplace, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (!await ExistsForAsync(http, SleekCaller.From(http.User), id, marketplace, audit, $"download document {fileId}", cancellationToken))
        {
            return Problems.NotFound($"document {fileId} does not exist");
        }

        var file = await uploads.FindAsync(fileId, cancellationToken);
        // The file must belong to this supplier: a supplier's route cannot fetch another record's file by its id.
        if (file is null || file.OwnerKind != FileOwnerKind.Supplier || file.OwnerId != id
            || await uploads.OpenAsync(file, cancellationToken) is not { } content)
        {
            return Problems.NotFound($"document {fileId} does not exist");
        }

        return FileAnswers.Download(http, file, content);
    }

    /// <summary>True when the supplier exists and the caller may see it; a refusal is audited and looks like a missing supplier.</summary>
    private static async Task<bool> ExistsForAsync(HttpContext http, SleekCaller caller, Guid id, MarketplaceDb marketplace, IAuditLog audit, string what, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        if (!await db.Suppliers.AsNoTracking().AnyAsync(s => s.Id == id, cancellationToken))
        {
            return false;
        }

        if (!SupplierAccess.CanSee(caller, id))
        {
            await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcome.Denied, $"supplier={id}", what, 404, cancellationToken);
            return false;
        }

        return true;
    }
}
