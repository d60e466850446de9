using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Activities.Suppliers;

/// <summary>
/// Records a supplier's answer to an offer. Accepted assigns the order (supplier, supplier price = buyer
/// total less the 10% platform fee, one more active order for the supplier); declined and timeout leave
/// the order for the next candidate. Recording the same answer twice is harmless; a different one is refused.
/// </summary>
[Activity("RecordOfferResponse", InProcess = true, Category = "Suppliers", DisplayName = "Record offer response", Ports = ["Accepted", "NotAccepted"], OutputType = "object",
    Description = "Records accepted|declined|timeout for an offer; Accepted assigns the supplier to the order, else NotAccepted.")]
public sealed class RecordOfferResponse : IActivity
{
    /// <summary>The offer (from OfferToNextCandidate's output).</summary>
    [Input(Required = true, Description = "The offer's id, e.g. outputs.offer.offerId.")]
    public Guid OfferId { get; set; }

    /// <summary><c>accepted</c>, <c>declined</c> or <c>timeout</c>.</summary>
    [Input(Required = true, Options = ["accepted", "declined", "timeout"], Description = "The supplier's answer.")]
    public string Response { get; set; } = "";

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var response = Response.Trim().ToLowerInvariant() switch
        {
            "accepted" => OfferResponse.Accepted,
            "declined" => OfferResponse.Declined,
            "timeout" => OfferResponse.Timeout,
            _ => (OfferResponse?)null,
        };
        if (response is null)
        {
            return ActivityResult.Fault($"response '{Response}' is not one of accepted, declined, timeout");
        }

        var ct = context.CancellationToken;
        var now = context.Clock.GetUtcNow().UtcDateTime;
        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        var offer = await db.SupplierOffers.FirstOrDefaultAsync(o => o.Id == OfferId, ct);
        if (offer is null)
        {
            return ActivityResult.Fault($"offer {OfferId} does not exist");
        }

        var accepted = response == OfferResponse.Accepted;
        if (offer.Response is { } earlier)
        {
            var earlierAccepted = earlier is OfferResponse.Accepted or OfferResponse.Auto;
            return earlierAccepted == accepted && (accepted || earlier == response)
                ? ActivityResult.Outcome(accepted ? "Accepted" : "NotAccepted", Output(offer, null, Name(earlier)))
                : ActivityResult.Fault($"offer {OfferId} was already answered '{Name(earlier)}'; '{Name(response.Value)}' is refused");
        }

        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == offer.SupplierId, ct);
        if (!accepted)
        {
            offer.Response = response;
            offer.RespondedAt = now;
            await db.SaveChangesAsync(ct);
            return ActivityResult.Outcome("NotAccepted", Output(offer, supplier?.Name, Name(response.Value)));
        }

        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == offer.OrderId, ct);
        if (order is null || supplier is null)
        {
            return ActivityResult.Fault($"offer {OfferId}: its order or supplier no longer exists");
        }

        if (OfferAcceptance.Accept(order, supplier, offer, OfferResponse.Accepted, now) is { } error)
        {
            return ActivityResult.Fault(error);
        }

        await db.SaveChangesAsync(ct);
        var output = Output(offer, supplier.Name, "accepted");
        output["supplierPrice"] = order.SupplierPrice;
        return ActivityResult.Outcome("Accepted", output);
    }

    private static JsonObject Output(SupplierOffer offer, string? supplierName, string response) => new()
    {
        ["offerId"] = offer.Id,
        ["orderId"] = offer.OrderId,
        ["supplierId"] = offer.SupplierId,
        ["supplierName"] = supplierName,
        ["response"] = response,
    };

    private static string Name(OfferResponse response) => response.ToString().ToLowerInvariant();
}
