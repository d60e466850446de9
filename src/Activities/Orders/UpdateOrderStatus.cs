using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Activities.Orders;

/// <summary>
/// Changes an order's status through <see cref="Order.ChangeStatus"/>, so only the transitions the
/// workflow defines happen and each is in the timeline; a disallowed one faults naming from and to (the
/// instance gets an incident). While the order is on hold the change is not made but remembered as the
/// status to release to, and the timeline says so. Asking for the status the order already has changes nothing.
/// </summary>
[Activity(
    "UpdateOrderStatus",
    InProcess = true,
    Category = "Marketplace",
    DisplayName = "Update order status",
    Description = "Moves the order to a status the workflow allows (timeline: who, why); disallowed → incident naming from/to.",
    OutputType = "object")]
public sealed class UpdateOrderStatus : IActivity
{
    /// <summary>The timeline action of a change made while the order is on hold.</summary>
    public const string DeferredAction = "status_deferred_while_on_hold";

    /// <summary>The order.</summary>
    [Input(Required = true, Description = "The order id, e.g. variables.orderId.")]
    public string OrderId { get; set; } = "";

    /// <summary>The new status (snake_case).</summary>
    [Input(Required = true, Description = "The new status, e.g. awaiting_payment.")]
    public string Status { get; set; } = "";

    /// <summary>Why, for the timeline.</summary>
    [Input(Description = "Why, shown in the order's timeline.")]
    public string? Reason { get; set; }

    /// <summary>Who, for the timeline; default "workflow".</summary>
    [Input(Description = "Who made the change (default: workflow), e.g. the user who completed a task.")]
    public string? Actor { get; set; }

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!MarketplaceIds.TryParse(OrderId, "orderId", out var orderId, out var idError))
        {
            return ActivityResult.Fault(idError);
        }

        if (!OrderStatusNames.TryParse(Status, out var to))
        {
            return ActivityResult.Fault($"status '{Status}' is not an order status; use one of {string.Join(", ", OrderStatusNames.All)}");
        }

        var actor = string.IsNullOrWhiteSpace(Actor) ? "workflow" : Actor.Trim();
        var reason = Reason is { Length: > 2000 } ? Reason[..2000] : Reason;
        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        var order = await OrderRows.LoadForUpdateAsync(db, orderId, context.CancellationToken);
        if (order is null)
        {
            return ActivityResult.Fault($"order {orderId} does not exist");
        }

        var from = order.Status;
        var now = context.Clock.GetUtcNow().UtcDateTime;
        var deferred = false;
        if (from == to || (from == OrderStatus.OnHold && order.StatusBeforeHold == to))
        {
            // Already there (or already remembered for the release): nothing to do.
        }
        else if (from == OrderStatus.OnHold && to is not (OrderStatus.Cancelled or OrderStatus.OnHold))
        {
            var held = order.StatusBeforeHold;
            if (held is not { } heldFrom || !OrderStatusTransitions.IsAllowed(heldFrom, to))
            {
                var allowed = held is { } h ? string.Join(", ", OrderStatusTransitions.Allowed(h).Select(s => s.ToName())) : "none";
                return ActivityResult.Fault($"order {order.Number} is on hold (from {held?.ToName() ?? "unknown"}) and its status cannot change from {held?.ToName() ?? "unknown"} to {to.ToName()}; allowed: {allowed}");
            }

            order.StatusBeforeHold = to;
            order.UpdatedAt = now;
            order.Record(actor, DeferredAction, $"on hold: released to {to.ToName()} instead of {heldFrom.ToName()}" + (string.IsNullOrWhiteSpace(reason) ? "" : $" ({reason})"), now, heldFrom, to);
            deferred = true;
            await SupplierPerformance.StatusChangedAsync(db, order, heldFrom, to, now, context.CancellationToken);
        }
        else
        {
            try
            {
                order.ChangeStatus(to, actor, reason, now);
            }
            catch (DisallowedTransitionException ex)
            {
                return ActivityResult.Fault($"order {order.Number}: {ex.Message}");
            }

            // Delivery, cancellation and QC move the supplier's counters in this burst's transaction (exactly once:
            // a repeat finds the order there already and changes nothing).
            await SupplierPerformance.StatusChangedAsync(db, order, from, to, now, context.CancellationToken);
        }

        await db.SaveChangesAsync(context.CancellationToken);
        return ActivityResult.Done(new JsonObject
        {
            ["orderId"] = order.Id.ToString(),
            ["number"] = order.Number,
            ["from"] = from.ToName(),
            ["to"] = to.ToName(),
            ["status"] = order.Status.ToName(),
            ["deferred"] = deferred,
        });
    }
}
