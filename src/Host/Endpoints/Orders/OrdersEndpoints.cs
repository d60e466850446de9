using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Endpoints.Orders;

/// <summary>
/// Orders: list and read (status, timeline, production stages, supplier, invoices, shipment), their open
/// human tasks, and the ops actions cancel, hold and release. Tasks are completed through <c>/api/tasks</c>;
/// an order's invoices are read through <see cref="Invoices.InvoicesEndpoints"/>.
/// </summary>
internal static class OrdersEndpoints
{
    private const int MaxReason = 1000;

    public static void MapOrdersEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization(SleekPolicies.OrdersRead);
        group.MapGet("/", ListAsync).WithName("ListOrders")
            .WithSummary("Orders, newest first, filtered by status, buyerEmail, supplierId, search (number or e-mail, part of it) and created from/to (UTC dates), paged. Buyers get their own orders, suppliers and factory staff their supplier's; admin and ops all.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetOrder")
            .WithSummary("One order: status, timeline (who, what, why, when), production stages with planned/actual dates and late flags, supplier, invoices, shipment.");
        group.MapGet("/{id:guid}/tasks", TasksAsync).WithName("ListOrderTasks")
            .WithSummary("The order's open human tasks (complete them with POST /api/tasks/{id}/complete).");
        group.MapPost("/{id:guid}/cancel", CancelAsync).RequireAuthorization(SleekPolicies.Ops).WithName("CancelOrder")
            .WithSummary("Cancels the order (reason required): its workflow is cancelled first, then the order and its pending invoices; a final order gets 409 naming from/to.");
        group.MapPost("/{id:guid}/hold", HoldAsync).RequireAuthorization(SleekPolicies.Ops).WithName("HoldOrder")
            .WithSummary("Puts the order on hold (reason required), remembering its status; its tasks cannot be completed until it is released.");
        group.MapPost("/{id:guid}/release", ReleaseAsync).RequireAuthorization(SleekPolicies.Ops).WithName("ReleaseOrder")
            .WithSummary("Releases a held order to the status it was held from (or the one its workflow reached meanwhile); 409 when it is not on hold.");
    }

    private static async Task<Results<Ok<Page<OrderSummaryDto>>, BadRequestProblem>> ListAsync(
        string? status, string? buyerEmail, Guid? supplierId, string? search, DateOnly? from, DateOnly? to, [AsParameters] PageRequest paging, HttpContext http, OrderQueries orders, CancellationToken cancellationToken)
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

        if (search is { Length: > 255 })
        {
            return Problems.Invalid("search", "must be at most 255 characters");
        }

        if (from is { } first && to is { } last && last < first)
        {
            return Problems.Invalid("to", "must not be before from");
        }

        if (paging.Problem() is { } problem)
        {
            return problem;
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

        return TypedResults.Ok(await orders.ListAsync(parsed, buyerEmail, supplierId, buyerUserId, paging, cancellationToken, new OrderListFilter(search, from, to)));
    }

    private static async Task<Results<Ok<OrderDto>, NotFoundProblem>> GetAsync(Guid id, HttpContext http, OrderQueries orders, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(http, id, orders, audit, cancellationToken) is null)
        {
            return Missing(id);
        }

        return await orders.GetAsync(id, cancellationToken) is { } order ? TypedResults.Ok(order) : Missing(id);
    }

    private static async Task<Results<Ok<Page<TaskView>>, NotFoundProblem, BadRequestProblem>> TasksAsync(
        Guid id, [AsParameters] PageRequest paging, HttpContext http, OrderQueries orders, TaskQueries tasks, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (paging.Problem() is { } problem)
        {
            return problem;
        }

        if (await VisibleAsync(http, id, orders, audit, cancellationToken) is not { } order)
        {
            return Missing(id);
        }

        if (order.WorkflowInstanceId is not { } instance)
        {
            return TypedResults.Ok(new Page<TaskView>([], paging.Number, paging.Size, 0));
        }

        var caller = SleekCaller.From(http.User);
        if (caller.IsStaff)
        {
            return TypedResults.Ok(await tasks.ListAsync(new TaskFilter { InstanceIds = [instance], Page = paging.Number, PageSize = paging.Size }, cancellationToken));
        }

        // Others see the order's tasks that are theirs (an order has a handful, so they are narrowed here).
        var all = await tasks.ListAsync(new TaskFilter { InstanceIds = [instance], Page = 1, PageSize = PageRequest.MaxSize }, cancellationToken);
        var own = all.Items.Where(t => ResourceAccess.CanSeeTask(caller, t)).ToList();
        return TypedResults.Ok(new Page<TaskView>([.. own.Skip((paging.Number - 1) * paging.Size).Take(paging.Size)], paging.Number, paging.Size, own.Count));
    }

    private static async Task<Results<Ok<OrderDto>, NotFoundProblem, ConflictProblem, BadRequestProblem>> CancelAsync(
        Guid id, OrderActionBody? body, HttpContext http, OrderActions actions, CancellationToken cancellationToken) =>
        CheckReason(body?.Reason, required: true) is { } problem
            ? problem
            : await actions.CancelAsync(id, ActorOf(http), body!.Reason!.Trim(), cancellationToken);

    private static async Task<Results<Ok<OrderDto>, NotFoundProblem, ConflictProblem, BadRequestProblem>> HoldAsync(
        Guid id, OrderActionBody? body, HttpContext http, OrderActions actions, CancellationToken cancellationToken) =>
        CheckReason(body?.Reason, required: true) is { } problem
            ? problem
            : await actions.HoldAsync(id, ActorOf(http), body!.Reason!.Trim(), cancellationToken);

    private static async Task<Results<Ok<OrderDto>, NotFoundProblem, ConflictProblem, BadRequestProblem>> ReleaseAsync(
        Guid id, OrderActionBody? body, HttpContext http, OrderActions actions, CancellationToken cancellationToken) =>
        CheckReason(body?.Reason, required: false) is { } problem
            ? problem
            : await actions.ReleaseAsync(id, ActorOf(http), body?.Reason?.Trim(), cancellationToken);

    /// <summary>The order's ownership when it exists and the caller may see it; a refusal is audited and answered like a missing order.</summary>
    private static async Task<OrderOwnership?> VisibleAsync(HttpContext http, Guid id, OrderQueries orders, IAuditLog audit, CancellationToken cancellationToken)
    {
        var order = await orders.OwnershipAsync(id, cancellationToken);
        if (order is null)
        {
            return null;
        }

        if (ResourceAccess.CanSeeOrder(SleekCaller.From(http.User), order.BuyerUserId, order.SupplierId))
        {
            return order;
        }

        await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcome.Denied, $"order={id}", "read", 404, cancellationToken);
        return null;
    }

    private static NotFoundProblem Missing(Guid id) => Problems.NotFound($"no order has id {id}");

    private static BadRequestProblem? CheckReason(string? reason, bool required)
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
