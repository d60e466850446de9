using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Activities.Orders;
using Sleek.Workflows.Activities.Persistence;
using Sleek.Workflows.Engine.Activities;

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
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        [QuoteStatuses.Requested] = [QuoteStatuses.Sent, QuoteStatuses.Accepted, QuoteStatuses.Expired, QuoteStatuses.Cancelled],
        [QuoteStatuses.Sent] = [QuoteStatuses.Accepted, QuoteStatuses.Expired, QuoteStatuses.Cancelled],
    };

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

        var status = Status.Trim().ToLowerInvariant();
        if (!QuoteStatuses.All.Contains(status))
        {
            return ActivityResult.Fault($"status '{Status}' is not a quote status; use one of {string.Join(", ", QuoteStatuses.All)}");
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
            if (!Allowed.TryGetValue(from, out var next) || !next.Contains(status))
            {
                return ActivityResult.Fault($"quote {quote.Number} cannot change from {from} to {status}");
            }

            quote.Status = status;
            if (status == QuoteStatuses.Accepted)
            {
                quote.AcceptedAt ??= context.Clock.GetUtcNow().UtcDateTime;
            }

            await db.SaveChangesAsync(context.CancellationToken);
        }

        var output = QuoteOutput.Of(quote);
        output["from"] = from;
        return ActivityResult.Done(output);
    }
}
