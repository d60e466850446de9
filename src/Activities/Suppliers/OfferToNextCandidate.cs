using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Activities.Suppliers;

/// <summary>
/// Offers the order to the best candidate not offered yet (lowest rank). A supplier with auto-accept
/// takes it at once (response <c>auto</c>, order assigned); otherwise the workflow waits for its answer
/// and records it with RecordOfferResponse. Exhausted when no candidate is left.
/// </summary>
[Activity("OfferToNextCandidate", InProcess = true, Category = "Suppliers", DisplayName = "Offer to next candidate", Ports = ["Offered", "AutoAccepted", "Exhausted"], OutputType = "object",
    Description = "Offers the order to the next ranked candidate: Offered {offerId, supplierId, supplierName}, AutoAccepted, or Exhausted.")]
public sealed class OfferToNextCandidate : IActivity
{
    /// <summary>The order being placed.</summary>
    [Input(Required = true, Description = "The order's id.")]
    public Guid OrderId { get; set; }

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var ct = context.CancellationToken;
        var now = context.Clock.GetUtcNow().UtcDateTime;
        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        while (true)
        {
            var offer = await db.SupplierOffers
                .Where(o => o.OrderId == OrderId && o.Response == null && o.OfferedAt == null)
                .OrderBy(o => o.Rank)
                .FirstOrDefaultAsync(ct);
            if (offer is null)
            {
                await db.SaveChangesAsync(ct);
                return ActivityResult.Outcome("Exhausted", new JsonObject { ["orderId"] = OrderId });
            }

            offer.OfferedAt = now;
            var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == offer.SupplierId, ct);
            if (supplier is null)
            {
                // The supplier was removed since the ranking: count it as declined and go on.
                offer.Response = OfferResponse.Declined;
                offer.RespondedAt = now;
                await db.SaveChangesAsync(ct);
                continue;
            }

            var output = new JsonObject
            {
                ["orderId"] = OrderId,
                ["offerId"] = offer.Id,
                ["supplierId"] = supplier.Id,
                ["supplierName"] = supplier.Name,
                ["supplierEmail"] = supplier.Email,
                ["supplierUserId"] = supplier.UserId,
                ["rank"] = offer.Rank,
                ["score"] = offer.Score,
            };
            if (!supplier.AutoAccept)
            {
                await db.SaveChangesAsync(ct);
                return ActivityResult.Outcome("Offered", output);
            }

            var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == OrderId, ct);
            if (order is null)
            {
                return ActivityResult.Fault($"order {OrderId} does not exist");
            }

            if (OfferAcceptance.Accept(order, supplier, offer, OfferResponse.Auto, now) is { } error)
            {
                return ActivityResult.Fault(error);
            }

            await db.SaveChangesAsync(ct);
            output["response"] = "auto";
            output["supplierPrice"] = order.SupplierPrice;
            return ActivityResult.Outcome("AutoAccepted", output);
        }
    }
}
