using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Marketplace.Files;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Host.Endpoints.Suppliers;

/// <summary>
/// Suppliers: ops list, search, create and invite them; a supplier's own users and staff read and edit its profile and
/// submit its documents for verification; ops suspend and reinstate. Verification itself is the onboarding workflow's ops task.
/// </summary>
internal static class SuppliersEndpoints
{
    public static void MapSuppliersEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/suppliers").WithTags("Suppliers");
        group.MapGet("", ListAsync).RequireAuthorization(SleekPolicies.Ops).WithName("ListSuppliers")
            .WithSummary("Suppliers by name, filtered by a search over name, e-mail, country and specialties (q) and by verification status.");
        group.MapPost("", CreateAsync).RequireAuthorization(SleekPolicies.Ops).WithName("CreateSupplier")
            .WithSummary("Ops add a supplier (pending verification); its onboarding starts and waits for its documents.");
        group.MapPost("/invitations", InviteAsync).RequireAuthorization(SleekPolicies.Ops).WithName("InviteSupplier")
            .WithSummary("Ops invite a factory by e-mail: a pending supplier, and an invitation with a sign-up link valid 30 days.");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(SleekPolicies.SignedIn).WithName("GetSupplier")
            .WithSummary("A supplier's profile, certificates and verification status: staff and the supplier's own users; others 404.");
        group.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(SleekPolicies.SignedIn).WithName("UpdateSupplier")
            .WithSummary("Replaces a supplier's profile (staff and the supplier's own users). Certificates are re-watched for expiry.");
        group.MapPost("/{id:guid}/submit", SubmitAsync).RequireAuthorization(SleekPolicies.SignedIn).WithName("SubmitSupplierDocuments")
            .WithSummary("The supplier submits its uploaded documents for verification: ops get the verification task.");
        group.MapPost("/{id:guid}/suspend", (Guid id, SupplierReasonBody body, HttpContext http, MarketplaceDb db, IAuditLog audit, TimeProvider clock, CancellationToken ct) =>
                ChangeStatusAsync(id, body, VerificationStatus.Verified, VerificationStatus.Suspended, http, db, audit, clock, ct))
            .RequireAuthorization(SleekPolicies.Ops).WithName("SuspendSupplier")
            .WithSummary("Ops suspend a verified supplier (reason required): it gets no offers until reinstated.");
        group.MapPost("/{id:guid}/reinstate", (Guid id, SupplierReasonBody body, HttpContext http, MarketplaceDb db, IAuditLog audit, TimeProvider clock, CancellationToken ct) =>
                ChangeStatusAsync(id, body, VerificationStatus.Suspended, VerificationStatus.Verified, http, db, audit, clock, ct))
            .RequireAuthorization(SleekPolicies.Ops).WithName("ReinstateSupplier")
            .WithSummary("Ops reinstate a suspended supplier (reason required).");
        SupplierSignUpEndpoints.Map(group);
    }

    private static async Task<Results<Ok<Paged<SupplierDto>>, BadRequestProblem>> ListAsync(
        [AsParameters] PageRequest page, string? q, string? status, MarketplaceDb marketplace, TimeProvider clock, CancellationToken cancellationToken)
    {
        VerificationStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            wanted = Enum.GetValues<VerificationStatus>().Cast<VerificationStatus?>().FirstOrDefault(s => SnakeCase.Of(s!.Value.ToString()) == status);
            if (wanted is null)
            {
                return Problems.Invalid("status", "must be one of pending, verified, rejected, suspended");
            }
        }

        if (q is { Length: > 100 })
        {
            return Problems.Invalid("q", "must be at most 100 characters");
        }

        await using var db = marketplace.CreateContext();
        var query = db.Suppliers.AsNoTracking();
        if (wanted is { } w)
        {
            query = query.Where(s => s.VerificationStatus == w);
        }

        // Search in memory over at most a few thousand rows: names, e-mails, countries and the category list (stored as text).
        var all = await query.ToListAsync(cancellationToken);
        var term = q?.Trim();
        var matches = all
            .Where(s => string.IsNullOrEmpty(term)
                || s.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
                || s.Email.Contains(term, StringComparison.OrdinalIgnoreCase)
                || s.Country.Equals(term, StringComparison.OrdinalIgnoreCase)
                || s.Categories.Any(c => c.Contains(term.Replace(' ', '_'), StringComparison.OrdinalIgnoreCase))
                || s.Certifications.Any(c => c.Contains(term, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id)
            .ToList();
        var items = matches.Skip((page.Number - 1) * page.Size).Take(page.Size).ToList();
        var ids = items.Select(s => s.Id).ToList();
        var certificates = await db.SupplierCertificates.AsNoTracking().Where(c => ids.Contains(c.SupplierId)).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(new Paged<SupplierDto>([.. items.Select(s => SupplierDto.From(s, certificates, today))], page.Number, page.Size, matches.Count));
    }

    private static async Task<Results<Created<SupplierDto>, BadRequestProblem>> CreateAsync(
        SupplierBody body, MarketplaceDb marketplace, SupplierOnboarding onboarding, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = SupplierValidation.Check(body);
        if (errors.Count > 0)
        {
            return Problems.Invalid("The supplier is invalid.", errors);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var supplier = new Supplier();
        var certificates = SupplierValidation.Apply(body, supplier, today);
        await using (var db = marketplace.CreateContext())
        {
            db.Suppliers.Add(supplier);
            db.SupplierCertificates.AddRange(certificates);
            await db.WriteAsync(cancellationToken);
        }

        await onboarding.StartAsync(supplier, invited: false, cancellationToken);
        return TypedResults.Created($"/api/suppliers/{supplier.Id}", SupplierDto.From(supplier, certificates, today));
    }

    private static async Task<Results<Created<SupplierDto>, BadRequestProblem>> InviteAsync(
        SupplierInvitationBody body, MarketplaceDb marketplace, SupplierOnboarding onboarding, TimeProvider clock, CancellationToken cancellationToken)
    {
        var probe = new SupplierBody(body.Name, body.Email, null, null, body.Country ?? "XX", [Marketplace.Catalog.CategoryCatalog.Keys[0]], null, 1, 1, null, null);
        var errors = SupplierValidation.Check(probe).Where(e => e.Key is "name" or "email" or "country").ToDictionary();
        if (errors.Count > 0)
        {
            return Problems.Invalid("The invitation is invalid.", errors);
        }

        // A placeholder profile until the supplier signs up and fills it in.
        var supplier = new Supplier { Name = body.Name!.Trim(), Email = body.Email!.Trim(), Country = (body.Country ?? "").ToUpperInvariant(), Capacity = 1, Moq = 1 };
        await using (var db = marketplace.CreateContext())
        {
            db.Suppliers.Add(supplier);
            await db.WriteAsync(cancellationToken);
        }

        await onboarding.StartAsync(supplier, invited: true, cancellationToken);
        return TypedResults.Created($"/api/suppliers/{supplier.Id}", SupplierDto.From(supplier, [], DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }

    private static async Task<Results<Ok<SupplierDto>, NotFoundProblem>> GetAsync(
        Guid id, HttpContext http, MarketplaceDb marketplace, IAuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        var supplier = await db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (supplier is null || !await MaySeeAsync(http, id, audit, "read", cancellationToken))
        {
            return Problems.NotFound($"supplier {id} does not exist");
        }

        var certificates = await db.SupplierCertificates.AsNoTracking().Where(c => c.SupplierId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(SupplierDto.From(supplier, certificates, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }

    private static async Task<Results<Ok<SupplierDto>, NotFoundProblem, BadRequestProblem>> UpdateAsync(
        Guid id, SupplierBody body, HttpContext http, MarketplaceDb marketplace, FileUploads files, SupplierOnboarding onboarding, IAuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        var supplier = await db.Suppliers.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (supplier is null || !await MaySeeAsync(http, id, audit, "update", cancellationToken))
        {
            return Problems.NotFound($"supplier {id} does not exist");
        }

        var errors = SupplierValidation.Check(body);
        var documents = (await files.OfOwnerAsync(FileOwnerKind.Supplier, id, cancellationToken)).Select(f => f.Id).ToHashSet();
        var certificates = body?.Certificates ?? [];
        for (var i = 0; i < certificates.Count; i++)
        {
            // A certificate may only point at one of this supplier's own documents.
            if (certificates[i]?.DocumentId is { } document && !documents.Contains(document))
            {
                errors[$"certificates[{i}].documentId"] = ["is not one of this supplier's documents"];
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid("The supplier is invalid.", errors);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var fresh = SupplierValidation.Apply(body!, supplier, today);
        await using (var write = await db.BeginWriteAsync(cancellationToken))
        {
            await db.SupplierCertificates.Where(c => c.SupplierId == id).ExecuteDeleteAsync(cancellationToken);
            db.SupplierCertificates.AddRange(fresh);
            await db.SaveChangesAsync(cancellationToken);
            await write.CommitAsync(cancellationToken);
        }

        await onboarding.RaiseAsync(SupplierOnboarding.CertificatesChanged, id, null, cancellationToken);
        return TypedResults.Ok(SupplierDto.From(supplier, fresh, today));
    }

    private static async Task<Results<Ok<SupplierDto>, NotFoundProblem, ConflictProblem>> SubmitAsync(
        Guid id, HttpContext http, MarketplaceDb marketplace, FileUploads files, SupplierOnboarding onboarding, IAuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        var supplier = await db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (supplier is null || !await MaySeeAsync(http, id, audit, "submit documents", cancellationToken))
        {
            return Problems.NotFound($"supplier {id} does not exist");
        }

        if ((await files.OfOwnerAsync(FileOwnerKind.Supplier, id, cancellationToken)).Count == 0)
        {
            return Problems.Conflict("upload at least one document (business licence or certificate) before submitting");
        }

        if (await onboarding.RaiseAsync(SupplierOnboarding.DocumentsSubmitted, id, null, cancellationToken) == 0)
        {
            return Problems.Conflict($"supplier {id} is not waiting for documents (status {SnakeCase.Of(supplier.VerificationStatus.ToString())}): they are with ops, or verification is over");
        }

        var certificates = await db.SupplierCertificates.AsNoTracking().Where(c => c.SupplierId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(SupplierDto.From(supplier, certificates, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }

    private static async Task<Results<Ok<SupplierDto>, NotFoundProblem, ConflictProblem, BadRequestProblem>> ChangeStatusAsync(
        Guid id, SupplierReasonBody body, VerificationStatus from, VerificationStatus to, HttpContext http, MarketplaceDb marketplace, IAuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > 2000)
        {
            return Problems.Invalid("reason", "is required, at most 2000 characters");
        }

        await using var db = marketplace.CreateContext();
        var supplier = await db.Suppliers.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (supplier is null)
        {
            return Problems.NotFound($"supplier {id} does not exist");
        }

        if (supplier.VerificationStatus != from)
        {
            return Problems.Conflict($"supplier {id} is {SnakeCase.Of(supplier.VerificationStatus.ToString())}, not {SnakeCase.Of(from.ToString())}");
        }

        supplier.VerificationStatus = to;
        supplier.VerificationReason = body.Reason.Trim();
        supplier.VerificationChangedAt = clock.GetUtcNow();
        await db.WriteAsync(cancellationToken);
        await audit.RecordAsync(http, "supplier.status", AuditOutcome.Success, $"supplier={id}", $"{from} -> {to}", 200, cancellationToken);
        var certificates = await db.SupplierCertificates.AsNoTracking().Where(c => c.SupplierId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(SupplierDto.From(supplier, certificates, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }

    private static async Task<bool> MaySeeAsync(HttpContext http, Guid id, IAuditLog audit, string what, CancellationToken cancellationToken)
    {
        if (SupplierAccess.CanSee(SleekCaller.From(http.User), id))
        {
            return true;
        }

        await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcome.Denied, $"supplier={id}", what, 404, cancellationToken);
        return false;
    }
}
