using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Portal;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Host.Endpoints.Portal;

/// <summary>
/// What the supplier and factory screens read beyond the task and order APIs: a supplier's open offers with their
/// deadlines, and (for ops) the suppliers to filter by. Answers go through <c>POST /api/tasks/{id}/complete</c>, the
/// workflow's own resume path; nothing here acts.
/// </summary>
internal static class PortalEndpoints
{
    private const int MaxOffers = 200;

    public static void MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/portal").WithTags("Portal");
        group.MapGet("/offers", OffersAsync).RequireAuthorization(SleekPolicies.TasksRead).WithName("ListOffers")
            .WithSummary("Open offers of orders to suppliers, oldest first, with their deadlines: a supplier its own; admin and ops all, or one supplier's with supplierId. Answer with POST /api/tasks/{id}/complete.");
        group.MapGet("/suppliers", SuppliersAsync).RequireAuthorization(SleekPolicies.Ops).WithName("ListPortalSuppliers")
            .WithSummary("Every supplier's id and name, for the portal's party filter (admin and ops).");
    }

    private static async Task<Ok<IReadOnlyList<PortalOffer>>> OffersAsync(
        Guid? supplierId, HttpContext http, TaskQueries tasks, OfferDeadlines deadlines, MarketplaceDb marketplace, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = SleekCaller.From(http.User);
        string? assignee;
        if (caller.IsStaff)
        {
            assignee = supplierId?.ToString();
        }
        else if (ResourceAccess.PartyOf(caller) is { Role: SleekRoles.Supplier, Id: var party })
        {
            // A supplier's own, whatever it asks for.
            assignee = party;
        }
        else
        {
            return TypedResults.Ok<IReadOnlyList<PortalOffer>>([]);
        }

        var page = await tasks.ListAsync(new TaskFilter { Role = SleekRoles.Supplier, Assignee = assignee, PageSize = MaxOffers }, cancellationToken);
        var offers = page.Items.Where(t => t.ActivityId == OfferDeadlines.OfferTask && ResourceAccess.CanSeeTask(caller, t)).ToList();
        var instances = offers.Select(t => t.InstanceId).Distinct().ToList();
        var due = await deadlines.DueAtAsync(instances, cancellationToken);

        await using var db = marketplace.CreateContext();
        var orders = await db.Orders.AsNoTracking().Where(o => o.WorkflowInstanceId != null && instances.Contains(o.WorkflowInstanceId.Value))
            .Select(o => new { Instance = o.WorkflowInstanceId!.Value, o.Id, o.Number, o.ProductType, o.Quantity, o.SupplierPrice })
            .ToListAsync(cancellationToken);
        var byInstance = orders.ToDictionary(o => o.Instance);
        var supplierIds = offers.Select(t => Guid.TryParse(t.Assignee, out var s) ? s : Guid.Empty).Where(s => s != Guid.Empty).Distinct().ToList();
        var names = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        IReadOnlyList<PortalOffer> items = [.. offers.Select(t =>
        {
            byInstance.TryGetValue(t.InstanceId, out var order);
            Guid? supplier = Guid.TryParse(t.Assignee, out var s) ? s : null;
            DateTime? deadline = due.TryGetValue(t.InstanceId, out var d) ? d : null;
            return new PortalOffer(
                t, order?.Id, order?.Number, order?.ProductType, order?.Quantity, order?.SupplierPrice, supplier,
                supplier is { } id && names.TryGetValue(id, out var name) ? name : null, deadline, deadline <= now);
        })];
        return TypedResults.Ok(items);
    }

    private static async Task<Ok<IReadOnlyList<PortalSupplier>>> SuppliersAsync(MarketplaceDb marketplace, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        IReadOnlyList<PortalSupplier> suppliers = await db.Suppliers.AsNoTracking().OrderBy(s => s.Name).Select(s => new PortalSupplier(s.Id, s.Name)).ToListAsync(cancellationToken);
        return TypedResults.Ok(suppliers);
    }
}
