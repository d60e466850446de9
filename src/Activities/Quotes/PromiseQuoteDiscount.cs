using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Activities.Orders;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Quotes;

namespace Sleek.Workflows.Activities.Quotes;

/// <summary>
/// Records on an open quote the discount promised to the buyer (the discount follow-up), so the quote's page shows the
/// discounted total before acceptance and <c>CreateOrder</c> applies it. A promise is never taken back: a smaller percent
/// later (0 on a follow-up without a discount) keeps the earlier one. Output: percent, total and discountedTotal.
/// </summary>
[Activity(
    "PromiseQuoteDiscount",
    InProcess = true,
    Category = "Marketplace",
    DisplayName = "Promise quote discount",
    Description = "Records a discount (percent, 0-50) promised on an open quote; output percent, total, discountedTotal.",
    OutputType = "object")]
public sealed class PromiseQuoteDiscount : IActivity
{
    /// <summary>The quote.</summary>
    [Input(Required = true, Description = "The quote id, e.g. input.quoteId.")]
    public string QuoteId { get; set; } = "";

    /// <summary>Whole percent off, 0-50.</summary>
    [Input(Required = true, Description = "Whole percent off the quoted price, 0-50 (0 promises nothing).")]
    public int Percent { get; set; }

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!MarketplaceIds.TryParse(QuoteId, "quoteId", out var quoteId, out var idError))
        {
            return ActivityResult.Fault(idError);
        }

        if (Percent is < 0 or > QuoteDiscount.MaxPercent)
        {
            return ActivityResult.Fault($"percent {Percent} is outside 0-{QuoteDiscount.MaxPercent}");
        }

        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        var quote = await db.Quotes.SingleOrDefaultAsync(q => q.Id == quoteId, context.CancellationToken);
        if (quote is null)
        {
            return ActivityResult.Fault($"quote {quoteId} does not exist");
        }

        if (Percent > quote.DiscountPercent && quote.Status is QuoteStatus.QuoteRequested or QuoteStatus.QuoteSent)
        {
            quote.DiscountPercent = Percent;
            await db.SaveChangesAsync(context.CancellationToken);
        }

        var output = QuoteOutput.Of(quote);
        output["percent"] = quote.DiscountPercent;
        output["discountedTotal"] = QuoteDiscount.Apply(quote.Total, quote.DiscountPercent);
        return ActivityResult.Done(output);
    }
}
