using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Production;

namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>
/// The performance loop: an order's events move its supplier's counters and scores, in the transaction that records
/// the event, so they move exactly once (a replayed or repeated step finds the event recorded and changes nothing).
/// <list type="bullet">
/// <item>assignment: total orders +1, active orders +1;</item>
/// <item>delivery (the order's first move to delivered, which sets <see cref="Order.DeliveredAt"/>): active −1, delivered +1,
///   and one timed event, on time when delivered by <see cref="Order.ExpectedDeliveryDate"/>;</item>
/// <item>cancellation after assignment and before delivery: active −1, cancelled +1;</item>
/// <item>a stage's end (its first <see cref="ProductionStage.ActualEnd"/>): one timed event, on time when it ended by its
///   promised end (a reported delay moves the plan, not the promise);</item>
/// <item>QC: qc_inspection → awaiting_payment is a pass, qc_inspection → bulk_production a fail.</item>
/// </list>
/// The on-time rate and the rating are running averages in which the supplier's value before its first event counts as
/// <see cref="PriorWeight"/> earlier events: rate = (prior × 10 + on-time events) ÷ (10 + events). A pass scores 5 stars,
/// a fail 1. The assignment ranking reads both (SupplierScoring), and the workload reads active orders.
/// </summary>
public static class SupplierPerformance
{
    /// <summary>How many events the starting rate and rating are worth.</summary>
    public const int PriorWeight = 10;

    /// <summary>The timeline action that records an order leaving its supplier's active orders (delivered or cancelled), once per order.</summary>
    public const string ReleasedAction = "supplier_released";

    /// <summary>The stars a passed QC inspection scores.</summary>
    public const decimal PassStars = 5m;

    /// <summary>The stars a failed QC inspection scores.</summary>
    public const decimal FailStars = 1m;

    /// <summary>An order was assigned to <paramref name="supplier"/> (called once, by <see cref="OfferAcceptance"/>).</summary>
    public static void Assigned(Order order, Supplier supplier, DateTime now)
    {
        supplier.ActiveOrders++;
        supplier.TotalOrders++;
        order.ExpectedDeliveryDate ??= DateOnly.FromDateTime(now).AddDays(supplier.LeadTimeDays);
    }

    /// <summary>
    /// An order's status changed from <paramref name="from"/> to <paramref name="to"/> (for a change deferred while on hold,
    /// from the status it was held from). Loads the supplier in <paramref name="db"/>; the caller saves.
    /// </summary>
    public static async Task StatusChangedAsync(MarketplaceDbContext db, Order order, OrderStatus from, OrderStatus to, DateTime now, CancellationToken cancellationToken)
    {
        if (order.SupplierId is not { } supplierId || from == to)
        {
            return;
        }

        var delivered = to == OrderStatus.Delivered && order.DeliveredAt is null;
        var cancelled = to == OrderStatus.Cancelled && order.DeliveredAt is null;
        var qc = from == OrderStatus.QcInspection && to is OrderStatus.AwaitingPayment or OrderStatus.BulkProduction;
        if (!delivered && !cancelled && !qc)
        {
            return;
        }

        if ((delivered || cancelled) && (order.Timeline.Any(t => t.Action == ReleasedAction)
            || await db.OrderTimeline.AnyAsync(t => t.OrderId == order.Id && t.Action == ReleasedAction, cancellationToken)))
        {
            // Already released (a replayed step): the order counts for its supplier once.
            delivered = cancelled = false;
            if (!qc)
            {
                return;
            }
        }

        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == supplierId, cancellationToken);
        if (supplier is null)
        {
            return;
        }

        if (delivered)
        {
            order.DeliveredAt = now;
            supplier.ActiveOrders = Math.Max(0, supplier.ActiveOrders - 1);
            supplier.DeliveredOrders++;
            Timed(supplier, order.ExpectedDeliveryDate is not { } expected || DateOnly.FromDateTime(now) <= expected);
            order.Record("workflow", ReleasedAction, $"delivered {(order.ExpectedDeliveryDate is { } e && DateOnly.FromDateTime(now) > e ? "after" : "by")} the promised date{(order.ExpectedDeliveryDate is { } p ? $" {p:yyyy-MM-dd}" : "")}; {Summary(supplier)}", now);
        }
        else if (cancelled)
        {
            supplier.ActiveOrders = Math.Max(0, supplier.ActiveOrders - 1);
            supplier.CancelledOrders++;
            order.Record("workflow", ReleasedAction, $"cancelled: no longer in the supplier's active orders; {Summary(supplier)}", now);
        }
        else
        {
            var passed = to == OrderStatus.AwaitingPayment;
            supplier.Rating = Average(supplier.Rating, supplier.QcInspections, passed ? PassStars : FailStars, 2);
            supplier.QcInspections++;
            supplier.QcFailures += passed ? 0 : 1;
            order.Record("workflow", "supplier_qc", $"QC {(passed ? "passed" : "failed")}; {Summary(supplier)}", now);
        }
    }

    /// <summary>A stage ended (called once, when its actual end is first set); the caller saves.</summary>
    public static async Task StageEndedAsync(MarketplaceDbContext db, ProductionStage stage, CancellationToken cancellationToken)
    {
        var supplierId = await db.Orders.Where(o => o.Id == stage.OrderId).Select(o => o.SupplierId).FirstOrDefaultAsync(cancellationToken);
        var supplier = supplierId is { } id ? await db.Suppliers.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) : null;
        if (supplier is not null && stage.ActualEnd is { } end && (stage.PromisedEnd ?? stage.PlannedEnd) is { } promised)
        {
            Timed(supplier, end <= promised);
        }
    }

    /// <summary>The supplier's QC fail rate, 0–1 (0 before any inspection).</summary>
    public static double QcFailRate(Supplier supplier) =>
        supplier.QcInspections == 0 ? 0 : (double)supplier.QcFailures / supplier.QcInspections;

    private static void Timed(Supplier supplier, bool onTime)
    {
        supplier.OnTimeRate = Average(supplier.OnTimeRate, supplier.TimedEvents, onTime ? 1m : 0m, 4);
        supplier.TimedEvents++;
        supplier.OnTimeEvents += onTime ? 1 : 0;
    }

    // (prior × W + sum of n values) ÷ (W + n), advanced by one value; equal to the closed form whatever n is.
    private static decimal Average(decimal current, int count, decimal value, int decimals) =>
        Math.Round((current * (PriorWeight + count) + value) / (PriorWeight + count + 1), decimals, MidpointRounding.AwayFromZero);

    private static string Summary(Supplier s) =>
        $"{s.Name}: {s.ActiveOrders} active, {s.DeliveredOrders} delivered, {s.CancelledOrders} cancelled of {s.TotalOrders}, on time {s.OnTimeRate:P0}, rating {s.Rating:0.00}";
}
