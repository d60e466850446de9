using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Activities.Orders;

/// <summary>Stores the carrier and tracking number of a shipped order (both required, trimmed, at most 100 characters) and notes it in the timeline.</summary>
[Activity(
    "RecordShipment",
    InProcess = true,
    Category = "Marketplace",
    DisplayName = "Record shipment",
    Description = "Stores the order's carrier and tracking number (both required).",
    OutputType = "object")]
public sealed class RecordShipment : IActivity
{
    /// <summary>Longest carrier name or tracking number.</summary>
    public const int MaxLength = 100;

    /// <summary>The order.</summary>
    [Input(Required = true, Description = "The order id, e.g. variables.orderId.")]
    public string OrderId { get; set; } = "";

    /// <summary>The carrier, e.g. DHL.</summary>
    [Input(Required = true, Description = "The carrier, e.g. outputs.ship.carrier.")]
    public string? Carrier { get; set; }

    /// <summary>The carrier's tracking number.</summary>
    [Input(Required = true, Description = "The tracking number, e.g. outputs.ship.trackingNumber.")]
    public string? TrackingNumber { get; set; }

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!MarketplaceIds.TryParse(OrderId, "orderId", out var orderId, out var idError))
        {
            return ActivityResult.Fault(idError);
        }

        var carrier = Carrier?.Trim();
        var tracking = TrackingNumber?.Trim();
        foreach (var (name, value) in new[] { ("carrier", carrier), ("trackingNumber", tracking) })
        {
            if (string.IsNullOrEmpty(value))
            {
                return ActivityResult.Fault($"{name} is required and must not be blank");
            }

            if (value.Length > MaxLength)
            {
                return ActivityResult.Fault($"{name} must be at most {MaxLength} characters (got {value.Length})");
            }
        }

        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        var order = await OrderRows.LoadForUpdateAsync(db, orderId, context.CancellationToken);
        if (order is null)
        {
            return ActivityResult.Fault($"order {orderId} does not exist");
        }

        var now = context.Clock.GetUtcNow().UtcDateTime;
        if (order.Carrier != carrier || order.TrackingNumber != tracking)
        {
            order.Carrier = carrier;
            order.TrackingNumber = tracking;
            order.UpdatedAt = now;
            order.Record("workflow", "shipment_recorded", $"shipped with {carrier}, tracking number {tracking}", now);
            await db.SaveChangesAsync(context.CancellationToken);
        }

        return ActivityResult.Done(new JsonObject
        {
            ["orderId"] = order.Id.ToString(),
            ["number"] = order.Number,
            ["carrier"] = carrier,
            ["trackingNumber"] = tracking,
            ["shippedAt"] = now.ToString("yyyy-MM-ddTHH:mm:ssZ"),
        });
    }
}
