using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Host.Auth;

namespace Sleek.Workflows.Host.Endpoints.Live;

/// <summary>
/// What an order's page shows live, read from its workflow's journal: only the facts <c>GET /api/orders/{id}</c> already
/// shows the caller (status and reason, stages, paid invoices, the shipment), never a step's inputs as such (a supplier's
/// price, a buyer's email). Tasks: staff get the task's title and role; parties only that the order's tasks changed
/// (their page then reads <c>GET /api/orders/{id}/tasks</c>, which lists only their own).
/// </summary>
internal static class OrderLiveEvents
{
    /// <summary>The order event of one journal entry for <paramref name="caller"/>, or null when it is none.</summary>
    public static LiveEvent? Of(JournalView entry, SleekCaller caller)
    {
        var output = entry.Output as JsonObject;
        var inputs = entry.Inputs as JsonObject;
        JsonObject? data = (entry.ActivityType, entry.Event) switch
        {
            ("UpdateOrderStatus", JournalEvent.Executed) => new JsonObject { ["status"] = Text(inputs, "status"), ["reason"] = Text(inputs, "reason") },
            ("StartProductionStage", JournalEvent.Executed) when entry.Ports == "Started" => Stage(output, "started"),
            ("CompleteProductionStage", JournalEvent.Executed) => Stage(output, "completed"),
            ("RecordStageDelay", JournalEvent.Executed) => Stage(output, "late"),
            ("RescheduleProductionStage", JournalEvent.Executed) => Stage(output, "delayed"),
            ("MarkInvoicePaid", JournalEvent.Executed) => new JsonObject { ["invoiceId"] = Text(inputs, "invoiceId") },
            ("WaitForEvent", JournalEvent.Resumed) when Text(inputs, "eventName") == "PaymentReceived" => new JsonObject { ["invoiceId"] = Text(inputs, "correlationKey") },
            ("RecordShipment", JournalEvent.Executed) => new JsonObject { ["carrier"] = Text(output, "carrier"), ["trackingNumber"] = Text(output, "trackingNumber") },
            ("HumanTask", JournalEvent.Waiting or JournalEvent.Resumed) => caller.IsStaff
                ? new JsonObject { ["title"] = Text(inputs, "title"), ["role"] = Text(inputs, "role"), ["outcome"] = entry.Ports }
                : [],
            _ => null,
        };

        if (data is null)
        {
            return null;
        }

        var kind = entry.ActivityType switch
        {
            "UpdateOrderStatus" => "status",
            "StartProductionStage" or "CompleteProductionStage" or "RecordStageDelay" or "RescheduleProductionStage" => "stage",
            "MarkInvoicePaid" or "WaitForEvent" => "invoice-paid",
            "RecordShipment" => "shipment",
            _ => entry.Event == JournalEvent.Waiting ? "task-opened" : "task-closed",
        };
        return new LiveEvent(kind, entry.Sequence, entry.CompletedAt, entry.ActivityId, data);
    }

    private static JsonObject? Stage(JsonObject? output, string state) => output is null ? null : new JsonObject
    {
        ["state"] = state,
        ["sequence"] = output["sequence"]?.DeepClone(),
        ["name"] = Text(output, "name"),
        ["plannedEnd"] = Text(output, "plannedEnd"),
    };

    private static string? Text(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
