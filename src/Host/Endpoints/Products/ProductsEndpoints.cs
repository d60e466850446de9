using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Idempotency;
using Sleek.Workflows.Marketplace.Catalog;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Host.Endpoints.Products;

/// <summary>
/// Suppliers' products: a supplier creates and edits its own; every submission starts <c>workflows/product-approval</c>
/// (correlation id = revision id), whose first burst stores the revision before the answer and whose ops task approves
/// or rejects it. Another supplier's product is "not found" (and audited). Ops read any product and its revisions.
/// </summary>
internal static class ProductsEndpoints
{
    /// <summary>The workflow every submission starts.</summary>
    public const string WorkflowId = "product-approval";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapProductsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/products").WithTags("Products");
        group.MapPost("/", CreateAsync).RequireAuthorization(SleekPolicies.Supplier).WithIdempotency().WithName("CreateProduct")
            .WithSummary("A supplier submits a new product (every bad field named in a 400); it is stored pending and ops get a review task. Buyers see it once approved.");
        group.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(SleekPolicies.Supplier).WithIdempotency().WithName("UpdateProduct")
            .WithSummary("A supplier submits a change to its own product: a new revision for ops to review; the product stays listed in its approved form until then. 409 while another change waits for review.");
        group.MapGet("/mine", MineAsync).RequireAuthorization(SleekPolicies.Supplier).WithName("ListMyProducts")
            .WithSummary("The calling supplier's products, newest first, with the listed form and the latest revision (pending, approved or rejected with the reason).");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(SleekPolicies.SignedIn).WithName("GetProduct")
            .WithSummary("One product with all its revisions: its supplier, and admin and ops. Anyone else: 404.");
    }

    private static async Task<Results<Created<SupplierProductDto>, BadRequestProblem, ForbiddenProblem, ConflictProblem, UnavailableProblem>> CreateAsync(
        ProductDraft draft, HttpContext http, WorkflowRuntime runtime, MarketplaceDb marketplace, CancellationToken cancellationToken)
    {
        var supplier = await SupplierOfAsync(http, marketplace, cancellationToken);
        if (supplier is null)
        {
            return NotBound();
        }

        var valid = ProductRules.Validate(draft, out var errors);
        if (valid is null)
        {
            return Problems.Invalid("The product is invalid: " + string.Join(", ", errors.Keys) + ".", errors);
        }

        var submitted = await SubmitAsync(Guid.CreateVersion7(), supplier, valid, http, runtime, marketplace, cancellationToken);
        return submitted.Product is { } product ? TypedResults.Created($"/api/products/{product.Id}", product)
            : submitted.Unavailable is { } unavailable ? unavailable : submitted.Conflict!;
    }

    private static async Task<Results<Ok<SupplierProductDto>, BadRequestProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem, UnavailableProblem>> UpdateAsync(
        Guid id, ProductDraft draft, HttpContext http, WorkflowRuntime runtime, MarketplaceDb marketplace, IAuditLog audit, CancellationToken cancellationToken)
    {
        var supplier = await SupplierOfAsync(http, marketplace, cancellationToken);
        if (supplier is null)
        {
            return NotBound();
        }

        await using (var db = marketplace.CreateContext())
        {
            var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (product is null || product.SupplierId != supplier.Id)
            {
                if (product is not null)
                {
                    await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcome.Denied, $"product={id}", "PUT product", 404, cancellationToken);
                }

                return Problems.NotFound($"no product of yours has id {id}");
            }

            if (await db.ProductRevisions.AsNoTracking().AnyAsync(r => r.ProductId == id && r.Status == ProductRevisionStatus.Pending, cancellationToken))
            {
                return Problems.Conflict($"product {id} has a change waiting for review; submit again once ops have decided", await DtoAsync(db, id, false, cancellationToken));
            }
        }

        var valid = ProductRules.Validate(draft, out var errors);
        if (valid is null)
        {
            return Problems.Invalid("The product is invalid: " + string.Join(", ", errors.Keys) + ".", errors);
        }

        var submitted = await SubmitAsync(id, supplier, valid, http, runtime, marketplace, cancellationToken);
        return submitted.Product is { } changed ? TypedResults.Ok(changed)
            : submitted.Unavailable is { } unavailable ? unavailable : submitted.Conflict!;
    }

    private static async Task<Results<Ok<IReadOnlyList<SupplierProductDto>>, ForbiddenProblem>> MineAsync(HttpContext http, MarketplaceDb marketplace, CancellationToken cancellationToken)
    {
        var supplier = await SupplierOfAsync(http, marketplace, cancellationToken);
        if (supplier is null)
        {
            return NotBound();
        }

        await using var db = marketplace.CreateContext();
        var products = await db.Products.AsNoTracking().Where(p => p.SupplierId == supplier.Id).OrderByDescending(p => p.CreatedAt).Take(500).ToListAsync(cancellationToken);
        var latestIds = products.Where(p => p.LatestRevisionId != null).Select(p => p.LatestRevisionId!.Value).ToList();
        var latest = await db.ProductRevisions.AsNoTracking().Where(r => latestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var images = await ProductImages.OfAsync(db, [.. products.Select(p => p.Id)], cancellationToken);
        IReadOnlyList<SupplierProductDto> items = [.. products.Select(p => SupplierProductDto.Of(
            p, p.LatestRevisionId is { } r && latest.TryGetValue(r, out var rev) ? rev : null, images.TryGetValue(p.Id, out var files) ? files : []))];
        return TypedResults.Ok(items);
    }

    private static async Task<Results<Ok<SupplierProductDto>, NotFoundProblem>> GetAsync(Guid id, HttpContext http, MarketplaceDb marketplace, IAuditLog audit, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        var dto = await DtoAsync(db, id, true, cancellationToken);
        var caller = SleekCaller.From(http.User);
        var own = caller.Role == SleekRoles.Supplier && dto is not null && dto.SupplierId.ToString() == caller.PartyId;
        if (dto is null || !(caller.IsStaff || own))
        {
            if (dto is not null)
            {
                await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcome.Denied, $"product={id}", "GET product", 404, cancellationToken);
            }

            return Problems.NotFound($"no product has id {id}");
        }

        return TypedResults.Ok(dto);
    }

    /// <summary>Starts the approval workflow, whose first burst stores the revision; the product as it is then.</summary>
    private static async Task<(SupplierProductDto? Product, UnavailableProblem? Unavailable, ConflictProblem? Conflict)> SubmitAsync(
        Guid productId, Supplier supplier, ValidProductDraft valid, HttpContext http, WorkflowRuntime runtime, MarketplaceDb marketplace, CancellationToken cancellationToken)
    {
        var revisionId = Guid.CreateVersion7();
        var caller = SleekCaller.From(http.User);
        var input = new JsonObject
        {
            ["revisionId"] = revisionId.ToString(),
            ["productId"] = productId.ToString(),
            ["supplierId"] = supplier.Id.ToString(),
            ["supplierName"] = supplier.Name,
            ["product"] = JsonSerializer.SerializeToNode(valid, Json),
            ["submittedBy"] = caller.Id,
        };
        var started = await runtime.StartAsync(new StartRequest(WorkflowId, null, revisionId.ToString(), input, IdempotencyFilter.ClaimIdOf(http)), cancellationToken);
        if (started.Value is not { } instance)
        {
            return (null, Problems.Unavailable("Products are not available", $"the {WorkflowId} workflow could not start: {started.Message}"), null);
        }

        await using var db = marketplace.CreateContext();
        var stored = Guid.TryParse(instance.CorrelationId, out var correlated) ? correlated : revisionId;
        var revision = await db.ProductRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == stored, cancellationToken);
        if (revision is null)
        {
            // The burst refused it (a change submitted at the same moment): the instance has the reason.
            return (null, null, Problems.Conflict($"the product was not stored: workflow instance {instance.Id} is {instance.Status}{(instance.Error is { } e ? $" ({e})" : "")}"));
        }

        return (await DtoAsync(db, revision.ProductId, false, cancellationToken), null, null);
    }

    private static async Task<SupplierProductDto?> DtoAsync(MarketplaceDbContext db, Guid id, bool withRevisions, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return null;
        }

        var revisions = await db.ProductRevisions.AsNoTracking().Where(r => r.ProductId == id).OrderByDescending(r => r.Number).ToListAsync(cancellationToken);
        var images = await ProductImages.OfAsync(db, [id], cancellationToken);
        return SupplierProductDto.Of(product, revisions.FirstOrDefault(), images.TryGetValue(id, out var files) ? files : [], withRevisions ? revisions : null);
    }

    /// <summary>The calling supplier user's supplier; null for an account bound to none.</summary>
    private static async Task<Supplier?> SupplierOfAsync(HttpContext http, MarketplaceDb marketplace, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(SleekCaller.From(http.User).PartyId, out var supplierId))
        {
            return null;
        }

        await using var db = marketplace.CreateContext();
        return await db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == supplierId, cancellationToken);
    }

    private static ForbiddenProblem NotBound() => Problems.Forbidden("Not a supplier account", "this account is not bound to a supplier; ask ops to link it");
}
