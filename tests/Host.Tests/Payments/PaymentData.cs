using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Quotes;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Host.Tests.Payments;

/// <summary>Domain rows the payment tests need, written straight through <see cref="MarketplaceDb"/> of a started host.</summary>
internal static class PaymentData
{
    /// <summary>A workflows folder with the test workflow <c>invoice-payment</c> (tests/Host.Tests/Payments/workflows).</summary>
    public static WorkflowsFolder WithInvoicePayment(this WorkflowsFolder folder) => folder.WithFile(
        "invoice-payment",
        1,
        File.ReadAllText(Path.Combine(SourceTree.Root, "tests", "Host.Tests", "Payments", "workflows", "invoice-payment", "v1.json")));

    /// <summary>The output and ports of an activity's last completed journal row.</summary>
    public static (System.Text.Json.Nodes.JsonNode? Output, string? Ports) Output(System.Text.Json.Nodes.JsonNode instance, string activityId)
    {
        var row = instance["journal"]!.AsArray().Last(j => j!["activityId"]!.GetValue<string>() == activityId && j["event"]!.GetValue<string>() is "Executed" or "Resumed")!;
        return (row["output"], row["ports"]?.GetValue<string>());
    }

    public static MarketplaceDb Marketplace(this SleekHost host) => host.Services.GetRequiredService<MarketplaceDb>();

    /// <summary>A quote and its order (status awaiting_payment) with this total, created at <paramref name="at"/>.</summary>
    public static async Task<Order> NewOrderAsync(this SleekHost host, decimal total, DateTime at, int leadTimeDays = 30, Guid? supplierId = null, bool quoteOnly = false)
    {
        var marketplace = host.Marketplace();
        await using var db = marketplace.CreateContext();
        var quote = new Quote
        {
            Number = $"Q-T-{Guid.NewGuid():N}"[..20],
            ProductType = "t_shirt",
            Quantity = 150,
            Email = "buyer@example.com",
            UnitPrice = Math.Round(total / 150, 4),
            Total = total,
            LeadTimeDays = leadTimeDays,
            CreatedAt = at,
        };
        var order = new Order
        {
            Number = $"ORD-T-{Guid.NewGuid():N}"[..20],
            QuoteId = quote.Id,
            BuyerEmail = quote.Email,
            ProductType = quote.ProductType,
            Quantity = quote.Quantity,
            UnitPrice = quote.UnitPrice,
            Total = total,
            Status = OrderStatus.AwaitingPayment,
            SupplierId = supplierId,
            CreatedAt = at,
            UpdatedAt = at,
        };
        db.Quotes.Add(quote);
        if (!quoteOnly)
        {
            quote.OrderId = order.Id;
            db.Orders.Add(order);
        }

        await db.WriteAsync(CancellationToken.None);
        return order;
    }

    /// <summary>A pending invoice written directly (for the API's refusals and the analytics).</summary>
    public static async Task<Invoice> NewInvoiceAsync(this SleekHost host, Guid orderId, InvoiceKind kind, decimal amount, DateTime at)
    {
        var marketplace = host.Marketplace();
        await using var db = marketplace.CreateContext();
        var invoice = new Invoice
        {
            Number = $"INV-T-{Guid.NewGuid():N}"[..20],
            OrderId = orderId,
            Kind = kind,
            Amount = amount,
            IssuedAt = at,
            DueAt = at.AddDays(7),
        };
        db.Invoices.Add(invoice);
        await db.WriteAsync(CancellationToken.None);
        return invoice;
    }

    /// <summary>Writes whatever <paramref name="write"/> adds, in one save.</summary>
    public static async Task WriteAsync(this SleekHost host, Action<MarketplaceDbContext> write)
    {
        var marketplace = host.Marketplace();
        await using var db = marketplace.CreateContext();
        write(db);
        await db.WriteAsync(CancellationToken.None);
    }

    public static async Task<Invoice> InvoiceAsync(this SleekHost host, Guid id)
    {
        await using var db = host.Marketplace().CreateContext();
        return await db.Invoices.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    public static async Task<List<Payment>> PaymentsAsync(this SleekHost host, Guid invoiceId)
    {
        await using var db = host.Marketplace().CreateContext();
        return await db.Payments.AsNoTracking().Where(p => p.InvoiceId == invoiceId).ToListAsync();
    }

    /// <summary>Updates an invoice with <paramref name="change"/>.</summary>
    public static async Task UpdateInvoiceAsync(this SleekHost host, Guid id, Action<Invoice> change)
    {
        var marketplace = host.Marketplace();
        await using var db = marketplace.CreateContext();
        await using var write = await db.BeginWriteAsync(CancellationToken.None);
        change(await db.Invoices.SingleAsync(i => i.Id == id));
        await write.CommitAsync(CancellationToken.None);
    }
}
