using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Activities.Orders;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Quotes;

namespace Sleek.Workflows.Activities.Quotes;

/// <summary>
/// Moves a quote along quote_requested → quote_sent → accepted | expired | cancelled. Setting the status it
/// already has changes nothing (a re-run); leaving accepted, expired or cancelled is refused with a fault.
/// </summary>
[Activity(
    "UpdateQuoteStatus",
    InProcess = true,
    Category = "Marketplace",
    DisplayName = "Update quote status",
    Description = "Sets a quote's status: quote_sent, accepted, expired or cancelled.",
    OutputType = "object")]
public sealed class UpdateQuoteStatus : IActivity
{
    /// <summary>The quote.</summary>
    [Input(Required = true, Description = "The quote id, e.g. input.quoteId.")]
    public string QuoteId { get; set; } = "";

    /// <summary>The new status.</summary>
    [Input(Required = true, Options = ["quote_sent", "accepted", "expired", "cancelled"], Description = "The quote's new status.")]
    public string Status { get; set; } = "";

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!MarketplaceIds.TryParse(QuoteId, "quoteId", out var quoteId, out var idError))
        {
            return ActivityResult.Fault(idError);
        }

        if (!QuoteStatusNames.TryParse(Status, out var status))
        {
            return ActivityResult.Fault($"status '{Status}' is not a quote status; use one of {string.Join(", ", QuoteStatusNames.All)}");
        }

        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        var quote = await db.Quotes.SingleOrDefaultAsync(q => q.Id == quoteId, context.CancellationToken);
        if (quote is null)
        {
            return ActivityResult.Fault($"quote {quoteId} does not exist");
        }

        var from = quote.Status;
        if (from != status)
        {
            if (!QuoteStatusTransitions.IsAllowed(from, status))
            {
                return ActivityResult.Fault($"quote {quote.Number} cannot change from {from.ToName()} to {status.ToName()}");
            }

            quote.Status = status;
            if (status == QuoteStatus.Accepted)
            {
                quote.AcceptedAt ??= context.Clock.GetUtcNow().UtcDateTime;
            }

            await db.SaveChangesAsync(context.CancellationToken);
        }

        var output = QuoteOutput.Of(quote);
        output["from"] = from.ToName();
        return ActivityResult.Done(output);
    }
}
