using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Activities.Payments;

/// <summary>
/// Issues an order's deposit (30 %) or balance (70 %) invoice: number INV-&lt;year&gt;-&lt;4 digits&gt;, USD,
/// pending, due in 7 days. Idempotent per execution: the invoice id is kept in the activity state in the
/// same transaction as the row, so a retry of this execution returns the same invoice; any other attempt
/// to issue a second live invoice of the same kind for the order is refused, naming the existing one.
/// </summary>
[Activity("CreateInvoice", InProcess = true, Category = "Payments", DisplayName = "Create invoice", OutputType = "object",
    Description = "Issues the order's 30 % deposit or 70 % balance invoice (INV-<year>-<n>, USD, due in 7 days).")]
public sealed class CreateInvoice : IActivity
{
    /// <summary>The order's id.</summary>
    [Input(Required = true, Description = "The order's id.")]
    public string OrderId { get; set; } = "";

    /// <summary>deposit or balance.</summary>
    [Input(Required = true, Options = ["deposit", "balance"], Description = "deposit (30 % of the total) or balance (the other 70 %).")]
    public string Kind { get; set; } = "";

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!Guid.TryParse(OrderId, out var orderId))
        {
            return ActivityResult.Fault($"orderId '{OrderId}' is not an order id (a GUID)");
        }

        InvoiceKind kind;
        switch (Kind.Trim().ToLowerInvariant())
        {
            case "deposit":
                kind = InvoiceKind.Deposit;
                break;
            case "balance":
                kind = InvoiceKind.Balance;
                break;
            default:
                return ActivityResult.Fault($"kind '{Kind}' is not deposit or balance");
        }

        var ct = context.CancellationToken;
        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        var executionKey = context.ExecutionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (context.ActivityState?[executionKey]?.GetValue<string>() is { } earlierId && Guid.TryParse(earlierId, out var earlier)
            && await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Id == earlier, ct) is { } again)
        {
            // A retry of this execution whose first try already issued the invoice.
            return ActivityResult.Done(InvoiceViews.ToJson(again));
        }

        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return ActivityResult.Fault($"order {orderId} does not exist");
        }

        var existing = await db.Invoices.AsNoTracking()
            .Where(i => i.OrderId == orderId && i.Kind == kind && i.Status != InvoiceStatus.Cancelled)
            .OrderBy(i => i.IssuedAt)
            .FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return ActivityResult.Fault(
                $"order {order.Number} already has a {InvoiceViews.Name(kind)} invoice: {existing.Number} ({existing.Id}, {InvoiceViews.Name(existing.Status)}); cancel it before issuing another");
        }

        var amount = InvoiceAmounts.For(kind, order.Total);
        if (amount <= 0)
        {
            return ActivityResult.Fault($"order {order.Number} has total {order.Total:0.00}; the {InvoiceViews.Name(kind)} invoice would be {amount:0.00}");
        }

        var now = context.Clock.GetUtcNow().UtcDateTime;
        var invoice = new Invoice
        {
            Number = await DocumentNumbers.NextAsync(db, DocumentNumbers.Invoice, now.Year, ct),
            OrderId = orderId,
            Kind = kind,
            Amount = amount,
            Currency = "USD",
            Status = InvoiceStatus.Pending,
            IssuedAt = now,
            DueAt = now.AddDays(InvoiceAmounts.DueDays),
        };
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync(ct);

        var state = context.ActivityState as JsonObject ?? [];
        state[executionKey] = invoice.Id.ToString();
        context.ActivityState = state;
        return ActivityResult.Done(InvoiceViews.ToJson(invoice));
    }
}
