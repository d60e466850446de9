using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Production;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Host.Endpoints.Quotes;

namespace Sleek.Workflows.Host.Endpoints.Orders;

/// <summary>Reads orders for the API: the list with filters, one order with everything around it, and who it belongs to.</summary>
internal sealed class OrderQueries(MarketplaceDb marketplace, TimeProvider clock)
{
    /// <summary>Orders, newest first; <paramref name="buyerUserId"/> narrows to one buyer's.</summary>
    public async Task<Page<OrderSummaryDto>> ListAsync(OrderStatus? status, string? buyerEmail, Guid? supplierId, string? buyerUserId, PageRequest paging, CancellationToken cancellationToken, OrderListFilter? filter = null)
    {
        await using var db = marketplace.CreateContext();
        var query = db.Orders.AsNoTracking();
        if (buyerUserId is not null)
        {
            query = query.Where(o => o.BuyerUserId == buyerUserId);
        }

        if (status is { } s)
        {
            query = query.Where(o => o.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(buyerEmail))
        {
            var email = buyerEmail.Trim();
            query = query.Where(o => o.BuyerEmail == email);
        }

        if (supplierId is { } supplier)
        {
            query = query.Where(o => o.SupplierId == supplier);
        }

        query = filter?.Apply(query) ?? query;

        var total = await query.CountAsync(cancellationToken);
        var orders = await paging.Slice(query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)).ToListAsync(cancellationToken);
        var items = orders.Select(o => new OrderSummaryDto(o.Id, o.Number, o.Status.ToName(), o.BuyerEmail, o.ProductType, o.Quantity, o.Total, o.SupplierId, o.WorkflowInstanceId, o.CreatedAt, o.UpdatedAt)).ToList();
        return new Page<OrderSummaryDto>(items, paging.Number, paging.Size, total);
    }

    /// <summary>Whose the order is and its workflow instance, or null when it does not exist.</summary>
    public async Task<OrderOwnership?> OwnershipAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        return await db.Orders.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new OrderOwnership(o.BuyerUserId, o.SupplierId, o.WorkflowInstanceId))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>One order with its quote number, timeline, stages (late flags as of now), invoices and supplier.</summary>
    public async Task<OrderDto?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var quoteNumber = await db.Quotes.AsNoTracking().Where(q => q.Id == order.QuoteId).Select(q => q.Number).SingleOrDefaultAsync(cancellationToken);
        var timeline = await db.OrderTimeline.AsNoTracking().Where(t => t.OrderId == id).ToListAsync(cancellationToken);
        var stages = await db.ProductionStages.AsNoTracking().Where(s => s.OrderId == id).OrderBy(s => s.Sequence).ToListAsync(cancellationToken);
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.OrderId == id).ToListAsync(cancellationToken);
        var supplier = order.SupplierId is { } supplierId
            ? await db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == supplierId, cancellationToken)
            : null;
        return new OrderDto(
            order.Id,
            order.Number,
            order.Status.ToName(),
            order.StatusBeforeHold?.ToName(),
            order.QuoteId,
            quoteNumber,
            order.BuyerEmail,
            order.ProductType,
            order.Quantity,
            order.UnitPrice,
            order.Total,
            "USD",
            supplier is null ? null : new OrderSupplierDto(supplier.Id, supplier.Name, supplier.Email, supplier.Country),
            order.SupplierPrice,
            order.Carrier is null && order.TrackingNumber is null ? null : new OrderShipmentDto(order.Carrier, order.TrackingNumber),
            order.WorkflowInstanceId,
            order.CreatedAt,
            order.UpdatedAt,
            // Ordered in memory: SQLite cannot ORDER BY the converted date columns everywhere, and an order has few rows.
            [.. timeline.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => new OrderTimelineDto(t.At, t.Actor, t.Action, t.FromStatus?.ToName(), t.ToStatus?.ToName(), t.Reason))],
            [.. stages.Select(s => Stage(s, now))],
            [.. invoices.OrderBy(i => i.IssuedAt).ThenBy(i => i.Number).Select(i => new OrderInvoiceDto(i.Id, i.Number, Name(i.Kind.ToString()), i.Amount, i.Currency, Name(i.Status.ToString()), i.IssuedAt, i.DueAt, i.PaidAt))])
        {
            OrderRequirements = OrderRequirementsDto.From(order.NeededBy, order.RequiredCertifications, order.AllowedCountries, order.BlockedCountries),
            Delivery = new OrderDeliveryDatesDto(order.NeededBy, order.ExpectedDeliveryDate, order.DeliveredAt),
        };
    }

    private static OrderStageDto Stage(ProductionStage stage, DateTime now)
    {
        var end = stage.ActualEnd ?? (stage.ActualStart is null ? (DateTime?)null : now);
        var daysLate = stage.PlannedEnd is { } planned && end is { } e && e > planned ? (int)Math.Ceiling((e - planned).TotalDays) : 0;
        return new OrderStageDto(stage.Sequence, stage.Name, stage.PlannedDays, stage.PlannedStart, stage.PlannedEnd, stage.ActualStart, stage.ActualEnd, daysLate > 0, daysLate, stage.DelayAlertedAt);
    }

    private static string Name(string enumName) => enumName.ToLowerInvariant();
}
