using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Host.Endpoints.Orders;

/// <summary>
/// Ops actions on an order: cancel, hold, release. Each change goes through <see cref="Order.ChangeStatus"/>
/// in a transaction that locks the order row, so a workflow burst changing the same order waits its turn.
/// </summary>
internal sealed class OrderActions(MarketplaceDb marketplace, OrderQueries queries, WorkflowRuntime runtime, TimeProvider clock)
{
    /// <summary>
    /// Cancels the workflow instance first, then the order and its pending invoices: a failure in between
    /// leaves a stopped workflow with an order still open (a repeat finishes it), never a cancelled order
    /// whose workflow goes on.
    /// </summary>
    public async Task<Results<Ok<OrderDto>, NotFoundProblem, ConflictProblem, BadRequestProblem>> CancelAsync(Guid id, string actor, string reason, CancellationToken cancellationToken)
    {
        Order? order;
        await using (var db = marketplace.CreateContext())
        {
            order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        }

        if (order is null)
        {
            return Problems.NotFound($"no order has id {id}");
        }

        if (!OrderStatusTransitions.IsAllowed(order.Status, OrderStatus.Cancelled, order.StatusBeforeHold))
        {
            return await RefuseAsync(id, $"order {order.Number} cannot change from {order.Status.ToName()} to cancelled: {order.Status.ToName()} is final", cancellationToken);
        }

        if (order.WorkflowInstanceId is { } instanceId)
        {
            var cancelled = await runtime.CancelAsync(instanceId, $"order {order.Number} cancelled by {actor}: {reason}", cancellationToken);
            // Conflict: it already finished; NotFound: removed by retention. Either way nothing runs on.
            if (cancelled.Status is not (OperationStatus.Ok or OperationStatus.Conflict or OperationStatus.NotFound))
            {
                return Problems.Invalid(cancelled.Message ?? "invalid request", cancelled.Errors ?? new Dictionary<string, string[]>());
            }
        }

        return await ChangeAsync(id, cancellationToken, async (db, o, now) =>
        {
            var from = o.Status;
            o.ChangeStatus(OrderStatus.Cancelled, actor, reason, now);
            await SupplierPerformance.StatusChangedAsync(db, o, from, OrderStatus.Cancelled, now, cancellationToken);
            var pending = await db.Invoices.Where(i => i.OrderId == id && i.Status == InvoiceStatus.Pending).ToListAsync(cancellationToken);
            foreach (var invoice in pending)
            {
                invoice.Status = InvoiceStatus.Cancelled;
                o.Record(actor, "invoice_cancelled", $"invoice {invoice.Number} ({invoice.Amount} {invoice.Currency}) cancelled with the order", now);
            }
        });
    }

    /// <summary>Puts the order on hold, remembering its status; its workflow's tasks wait until it is released.</summary>
    public Task<Results<Ok<OrderDto>, NotFoundProblem, ConflictProblem, BadRequestProblem>> HoldAsync(Guid id, string actor, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, cancellationToken, (_, o, now) =>
        {
            o.ChangeStatus(OrderStatus.OnHold, actor, reason, now);
            return Task.CompletedTask;
        });

    /// <summary>Returns a held order to the status it was held from (or the one its workflow reached meanwhile).</summary>
    public Task<Results<Ok<OrderDto>, NotFoundProblem, ConflictProblem, BadRequestProblem>> ReleaseAsync(Guid id, string actor, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, cancellationToken, (_, o, now) =>
        {
            if (o.Status != OrderStatus.OnHold || o.StatusBeforeHold is not { } back)
            {
                throw new ActionRefusedException($"order {o.Number} is {o.Status.ToName()}, not on_hold: only a held order can be released (from on_hold to the status it was held from)");
            }

            o.ChangeStatus(back, actor, string.IsNullOrWhiteSpace(reason) ? "released from hold" : reason, now);
            return Task.CompletedTask;
        });

    private async Task<Results<Ok<OrderDto>, NotFoundProblem, ConflictProblem, BadRequestProblem>> ChangeAsync(Guid id, CancellationToken cancellationToken, Func<MarketplaceDbContext, Order, DateTime, Task> change)
    {
        string? refusal = null;
        await using (var db = marketplace.CreateContext())
        {
            await using var write = await db.BeginWriteAsync(cancellationToken);
            var order = await OrderRows.LoadForUpdateAsync(db, id, cancellationToken);
            if (order is null)
            {
                return Problems.NotFound($"no order has id {id}");
            }

            try
            {
                await change(db, order, clock.GetUtcNow().UtcDateTime);
                await write.CommitAsync(cancellationToken);
            }
            catch (DisallowedTransitionException ex)
            {
                refusal = $"order {order.Number}: {ex.Message}";
            }
            catch (ActionRefusedException ex)
            {
                refusal = ex.Message;
            }
        }

        if (refusal is not null)
        {
            return await RefuseAsync(id, refusal, cancellationToken);
        }

        return TypedResults.Ok((await queries.GetAsync(id, cancellationToken))!);
    }

    private async Task<ConflictProblem> RefuseAsync(Guid id, string message, CancellationToken cancellationToken) =>
        Problems.Conflict(message, await queries.GetAsync(id, cancellationToken));

    /// <summary>An action that makes no sense in the order's current state (becomes a 409).</summary>
    private sealed class ActionRefusedException(string message) : Exception(message);
}
