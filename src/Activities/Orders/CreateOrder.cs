using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Quotes;

namespace Sleek.Workflows.Activities.Orders;

/// <summary>
/// Turns an accepted quote into an order (number ORD-&lt;year&gt;-&lt;n&gt;, status quote_sent, a "created" timeline
/// entry) and marks the quote accepted with a link to it. One order per quote: a re-run returns the order
/// made before.
/// </summary>
[Activity(
    "CreateOrder",
    InProcess = true,
    Category = "Marketplace",
    DisplayName = "Create order",
    Description = "Creates the order of an accepted quote (status quote_sent) and links the quote to it.",
    OutputType = "object")]
public sealed class CreateOrder : IActivity
{
    /// <summary>The accepted quote.</summary>
    [Input(Required = true, Description = "The quote id, e.g. input.quoteId.")]
    public string QuoteId { get; set; } = "";

    /// <summary>
    /// A discount the buyer was promised (the discount follow-up's 10 %), applied to the order's price and so to its
    /// invoices. Left out, the discount recorded on the quote (<c>PromiseQuoteDiscount</c>) applies.
    /// </summary>
    [Input(Description = "Percent off the quoted price, 0-50. Left out: the discount promised on the quote (PromiseQuoteDiscount).")]
    public decimal? DiscountPercent { get; set; }

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!MarketplaceIds.TryParse(QuoteId, "quoteId", out var quoteId, out var idError))
        {
            return ActivityResult.Fault(idError);
        }

        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        var quote = await db.Quotes.SingleOrDefaultAsync(q => q.Id == quoteId, context.CancellationToken);
        if (quote is null)
        {
            return ActivityResult.Fault($"quote {quoteId} does not exist");
        }

        if (await db.Orders.SingleOrDefaultAsync(o => o.QuoteId == quoteId, context.CancellationToken) is { } existing)
        {
            return ActivityResult.Done(OrderOutput.Of(existing, quote));
        }

        if (quote.Status is QuoteStatus.Expired or QuoteStatus.Cancelled)
        {
            return ActivityResult.Fault($"quote {quote.Number} is {quote.Status.ToName()}; an order needs a quote that is still open");
        }

        if (DiscountPercent is < 0 or > QuoteDiscount.MaxPercent)
        {
            return ActivityResult.Fault($"discountPercent {DiscountPercent} is outside 0-{QuoteDiscount.MaxPercent}");
        }

        var discount = DiscountPercent ?? quote.DiscountPercent;
        var now = context.Clock.GetUtcNow().UtcDateTime;
        var order = new Order
        {
            Number = await DocumentNumbers.NextAsync(db, DocumentNumbers.Order, now.Year, context.CancellationToken),
            QuoteId = quote.Id,
            BuyerEmail = quote.Email,
            BuyerUserId = quote.BuyerUserId,
            ProductType = quote.ProductType,
            Quantity = quote.Quantity,
            NeededBy = quote.NeededBy,
            RequiredCertifications = [.. quote.RequiredCertifications],
            AllowedCountries = [.. quote.AllowedCountries],
            BlockedCountries = [.. quote.BlockedCountries],
            UnitPrice = QuoteDiscount.Apply(quote.UnitPrice, discount, 4),
            Total = QuoteDiscount.Apply(quote.Total, discount),
            Status = OrderStatus.QuoteSent,
            WorkflowInstanceId = context.InstanceId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        order.Record("workflow", "created", discount > 0 ? $"created from quote {quote.Number} with the promised {discount.ToString("0.##", CultureInfo.InvariantCulture)} % discount" : $"created from quote {quote.Number}", now, null, OrderStatus.QuoteSent);
        db.Orders.Add(order);
        quote.OrderId = order.Id;
        quote.Status = QuoteStatus.Accepted;
        quote.AcceptedAt ??= now;
        await db.SaveChangesAsync(context.CancellationToken);
        return ActivityResult.Done(OrderOutput.Of(order, quote));
    }
}
