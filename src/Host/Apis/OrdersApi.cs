using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Apis;

/// <summary>
/// Orders: list and read (status, timeline, production stages, supplier, invoices, shipment), their open
/// human tasks, and the ops actions cancel, hold and release. Tasks are completed through <c>/api/tasks</c>.
/// </summary>
internal static class OrdersApi
{
    private const int MaxReason = 1000;

    public static void MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization(SleekPolicies.OrdersRead);
        group.MapGet("/", ListAsync).WithSummary("Orders, newest first, filtered by status, buyerEmail and supplierId, paged. Buyers get their own orders, suppliers and factory staff their supplier's; admin and ops all.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One order: status, timeline (who, what, why, when), production stages with planned/actual dates and late flags, supplier, invoices, shipment.");
        group.MapGet("/{id:guid}/tasks", TasksAsync).WithSummary("The order's open human tasks (complete them with POST /api/tasks/{id}/complete).");
        group.MapPost("/{id:guid}/cancel", CancelAsync).RequireAuthorization(SleekPolicies.Ops).WithSummary("Cancels the order (reason required): its workflow is cancelled first, then the order and its pending invoices; a final order gets 409 naming from/to.");
        group.MapPost("/{id:guid}/hold", HoldAsync).RequireAuthorization(SleekPolicies.Ops).WithSummary("Puts the order on hold (reason required), remembering its status; its tasks cannot be completed until it is released.");
        group.MapPost("/{id:guid}/release", ReleaseAsync).RequireAuthorization(SleekPolicies.Ops).WithSummary("Releases a held order to the status it was held from (or the one its workflow reached meanwhile); 409 when it is not on hold.");
    }

    private static async Task<IResult> ListAsync(string? status, string? buyerEmail, Guid? supplierId, int? page, int? pageSize, HttpContext http, MarketplaceDb marketplace, CancellationToken cancellationToken)
    {
        OrderStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!OrderStatusNames.TryParse(status, out var value))
            {
                return Problems.Invalid("status", $"must be one of {string.Join(", ", OrderStatusNames.All)}");
            }

            parsed = value;
        }

        if (buyerEmail is { Length: > 255 })
        {
            return Problems.Invalid("buyerEmail", "must be at most 255 characters");
        }

        if (page is < 1)
        {
            return Problems.Invalid("page", "must be 1 or more");
        }

        if (pageSize is < 1 or > InstanceQueries.MaxPageSize)
        {
            return Problems.Invalid("pageSize", $"must be between 1 and {InstanceQueries.MaxPageSize}");
        }

        // Non-staff callers are narrowed to their own party whatever they filter on.
        var caller = SleekCaller.From(http.User);
        string? buyerUserId = null;
        var role = caller.IsApiKey ? caller.PartyRole : caller.Role;
        if (!caller.IsStaff && role is not null)
        {
            var party = caller.IsApiKey || SleekRoles.IsSupplierSide(role) ? caller.PartyId : caller.Id;
            if (role == SleekRoles.Buyer)
            {
                buyerUserId = party ?? "";
            }
            else if (SleekRoles.IsSupplierSide(role))
            {
                supplierId = Guid.TryParse(party, out var own) ? own : Guid.Empty;
            }
            else
            {
                buyerUserId = "";
            }
        }

        await using var db = marketplace.CreateContext();
        return TypedResults.Ok(await OrderViews.ListAsync(db, parsed, buyerEmail, supplierId, page ?? 1, pageSize ?? 50, cancellationToken, buyerUserId));
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, MarketplaceDb marketplace, IAuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        if (!await MaySeeAsync(http, db, id, audit, cancellationToken))
        {
            return Problems.NotFound($"no order has id {id}");
        }

        return await OrderViews.GetAsync(db, id, clock.GetUtcNow().UtcDateTime, cancellationToken) is { } order
            ? TypedResults.Ok(order)
            : Problems.NotFound($"no order has id {id}");
    }

    private static async Task<IResult> TasksAsync(Guid id, int? page, int? pageSize, HttpContext http, MarketplaceDb marketplace, TaskQueries tasks, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (page is < 1)
        {
            return Problems.Invalid("page", "must be 1 or more");
        }

        if (pageSize is < 1 or > InstanceQueries.MaxPageSize)
        {
            return Problems.Invalid("pageSize", $"must be between 1 and {InstanceQueries.MaxPageSize}");
        }

        Guid? instanceId;
        await using (var db = marketplace.CreateContext())
        {
            var order = await db.Orders.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.WorkflowInstanceId }).SingleOrDefaultAsync(cancellationToken);
            if (order is null || !await MaySeeAsync(http, db, id, audit, cancellationToken))
            {
                return Problems.NotFound($"no order has id {id}");
            }

            instanceId = order.WorkflowInstanceId;
        }

        if (instanceId is not { } instance)
        {
            return TypedResults.Ok(new Page<TaskView>([], page ?? 1, pageSize ?? 50, 0));
        }

        var caller = SleekCaller.From(http.User);
        if (caller.IsStaff)
        {
            return TypedResults.Ok(await tasks.ListAsync(new TaskFilter { InstanceIds = [instance], Page = page ?? 1, PageSize = pageSize ?? 50 }, cancellationToken));
        }

        // Others see the order's tasks that are theirs (an order has a handful, so they are narrowed here).
        var all = await tasks.ListAsync(new TaskFilter { InstanceIds = [instance], Page = 1, PageSize = InstanceQueries.MaxPageSize }, cancellationToken);
        var own = all.Items.Where(t => ResourceAccess.CanSeeTask(caller, t)).ToList();
        var (p, size) = (page ?? 1, pageSize ?? 50);
        return TypedResults.Ok(new Page<TaskView>([.. own.Skip((p - 1) * size).Take(size)], p, size, own.Count));
    }

    private static async Task<IResult> CancelAsync(Guid id, OrderActionBody? body, HttpContext http, OrderActions actions, CancellationToken cancellationToken) =>
        CheckReason(body?.Reason, required: true) is { } problem
            ? problem
            : await actions.CancelAsync(id, ActorOf(http), body!.Reason!.Trim(), cancellationToken);

    private static async Task<IResult> HoldAsync(Guid id, OrderActionBody? body, HttpContext http, OrderActions actions, CancellationToken cancellationToken) =>
        CheckReason(body?.Reason, required: true) is { } problem
            ? problem
            : await actions.HoldAsync(id, ActorOf(http), body!.Reason!.Trim(), cancellationToken);

    private static async Task<IResult> ReleaseAsync(Guid id, OrderActionBody? body, HttpContext http, OrderActions actions, CancellationToken cancellationToken) =>
        CheckReason(body?.Reason, required: false) is { } problem
            ? problem
            : await actions.ReleaseAsync(id, ActorOf(http), body?.Reason?.Trim(), cancellationToken);

    /// <summary>Whether the order exists and the caller may see it; a refusal is audited and answered like a missing order.</summary>
    private static async Task<bool> MaySeeAsync(HttpContext http, MarketplaceDbContext db, Guid id, IAuditLog audit, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.BuyerUserId, o.SupplierId }).SingleOrDefaultAsync(cancellationToken);
        if (order is null)
        {
            return false;
        }

        if (ResourceAccess.CanSeeOrder(SleekCaller.From(http.User), order.BuyerUserId, order.SupplierId))
        {
            return true;
        }

        await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcomes.Denied, $"order={id}", "read", 404, cancellationToken);
        return false;
    }

    private static IResult? CheckReason(string? reason, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(reason))
        {
            return Problems.Invalid("reason", "is required: say why, it goes into the order's timeline");
        }

        return reason is { Length: > MaxReason } ? Problems.Invalid("reason", $"must be at most {MaxReason} characters") : null;
    }

    /// <summary>The signed-in user (these endpoints need ops or admin); "ops" only for a caller without a name.</summary>
    private static string ActorOf(HttpContext http) => http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "ops";
}
