using System.Text.Json.Nodes;

namespace Sleek.Workflows.Host.Tests.Marketplace;

/// <summary>
/// Small workflows over the spine's activities, for tests that must not depend on the other helpers'
/// activities (AI, email, payments, suppliers). <see cref="MiniSpine"/> is published as quote-to-delivery,
/// so the quote API starts it.
/// </summary>
internal static class SpineDefinitions
{
    private const string QuoteSteps = """
              { "id": "start", "type": "Start" },
              { "id": "calculate", "type": "CalculateQuote", "inputs": { "productType": { "$js": "input.productType" }, "quantity": { "$js": "input.quantity" }, "complexity": { "$js": "input.complexity || 'medium'" } } },
              { "id": "create-quote", "type": "CreateQuote", "inputs": { "quoteId": { "$js": "input.quoteId" }, "request": { "$js": "input" }, "pricing": { "$js": "outputs.calculate" } } },
    """;

    private const string QuoteInputs = """
          "inputs": [
            { "name": "quoteId", "type": "string", "required": true }, { "name": "productType", "type": "string", "required": true },
            { "name": "quantity", "type": "number", "required": true }, { "name": "complexity", "type": "string" },
            { "name": "fabric", "type": "string" }, { "name": "requirements", "type": "string" },
            { "name": "email", "type": "string", "required": true }, { "name": "name", "type": "string" }, { "name": "buyerUserId", "type": "string" }
          ],
    """;

    /// <summary>
    /// quote → quote_sent → QuoteAccepted → order → ops review task → awaiting_payment → event DepositPaid →
    /// payment_received → 11 stages, each a factory task → ship task (carrier, tracking) → end.
    /// </summary>
    public static JsonObject MiniSpine() => Parse($$"""
        {
          "definitionId": "quote-to-delivery", "version": 1, "name": "Quote to delivery (spine only, for tests)",
          {{QuoteInputs}}
          "variables": [ { "name": "orderId", "type": "string", "default": "" } ],
          "root": {
            "activities": [
              {{QuoteSteps}}
              { "id": "quote-sent", "type": "UpdateQuoteStatus", "inputs": { "quoteId": { "$js": "input.quoteId" }, "status": "quote_sent" } },
              { "id": "wait-accept", "type": "WaitForEvent", "inputs": { "eventName": "QuoteAccepted" } },
              { "id": "create-order", "type": "CreateOrder", "inputs": { "quoteId": { "$js": "input.quoteId" } } },
              { "id": "set-order", "type": "SetVariable", "inputs": { "variable": "orderId", "value": { "$js": "outputs['create-order'].orderId" } } },
              { "id": "review", "type": "HumanTask", "inputs": { "title": "Review the order", "role": "ops", "outcomes": ["Approve"] } },
              { "id": "status-awaiting", "type": "UpdateOrderStatus", "inputs": { "orderId": { "$var": "orderId" }, "status": "awaiting_payment", "reason": "deposit invoiced" } },
              { "id": "wait-paid", "type": "WaitForEvent", "inputs": { "eventName": "DepositPaid" } },
              { "id": "status-paid", "type": "UpdateOrderStatus", "inputs": { "orderId": { "$var": "orderId" }, "status": "payment_received", "reason": "deposit paid" } },
              { "id": "next-stage", "type": "StartProductionStage", "inputs": { "orderId": { "$var": "orderId" } } },
              { "id": "stage-task", "type": "HumanTask", "inputs": { "title": { "$js": "'Complete ' + outputs['next-stage'].name" }, "role": "factory" } },
              { "id": "complete-stage", "type": "CompleteProductionStage", "inputs": { "orderId": { "$var": "orderId" }, "sequence": { "$js": "outputs['next-stage'].sequence" } } },
              { "id": "ship", "type": "HumanTask", "inputs": { "title": "Ship the order", "role": "supplier",
                "form": [ { "name": "carrier", "label": "Carrier", "type": "string", "required": true }, { "name": "trackingNumber", "label": "Tracking number", "type": "string", "required": true } ] } },
              { "id": "record-shipment", "type": "RecordShipment", "inputs": { "orderId": { "$var": "orderId" }, "carrier": { "$js": "outputs.ship.carrier" }, "trackingNumber": { "$js": "outputs.ship.trackingNumber" } } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "calculate" } },
              { "source": { "activity": "calculate" }, "target": { "activity": "create-quote" } },
              { "source": { "activity": "create-quote" }, "target": { "activity": "quote-sent" } },
              { "source": { "activity": "quote-sent" }, "target": { "activity": "wait-accept" } },
              { "source": { "activity": "wait-accept" }, "target": { "activity": "create-order" } },
              { "source": { "activity": "create-order" }, "target": { "activity": "set-order" } },
              { "source": { "activity": "set-order" }, "target": { "activity": "review" } },
              { "source": { "activity": "review", "port": "Approve" }, "target": { "activity": "status-awaiting" } },
              { "source": { "activity": "status-awaiting" }, "target": { "activity": "wait-paid" } },
              { "source": { "activity": "wait-paid" }, "target": { "activity": "status-paid" } },
              { "source": { "activity": "status-paid" }, "target": { "activity": "next-stage" } },
              { "source": { "activity": "next-stage", "port": "Started" }, "target": { "activity": "stage-task" } },
              { "source": { "activity": "stage-task" }, "target": { "activity": "complete-stage" } },
              { "source": { "activity": "complete-stage" }, "target": { "activity": "next-stage" } },
              { "source": { "activity": "next-stage", "port": "AllDone" }, "target": { "activity": "ship" } },
              { "source": { "activity": "ship" }, "target": { "activity": "record-shipment" } },
              { "source": { "activity": "record-shipment" }, "target": { "activity": "end" } }
            ]
          }
        }
        """);

    /// <summary>Creates a quote and its order, then asks for a status the order cannot reach from quote_sent.</summary>
    public static JsonObject DisallowedTransition(string status) => Parse($$"""
        {
          "definitionId": "disallowed-transition", "version": 1, "name": "Disallowed order transition",
          {{QuoteInputs}}
          "root": {
            "activities": [
              {{QuoteSteps}}
              { "id": "create-order", "type": "CreateOrder", "inputs": { "quoteId": { "$js": "input.quoteId" } } },
              { "id": "jump", "type": "UpdateOrderStatus", "inputs": { "orderId": { "$js": "outputs['create-order'].orderId" }, "status": "{{status}}", "reason": "skipping ahead" } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "calculate" } },
              { "source": { "activity": "calculate" }, "target": { "activity": "create-quote" } },
              { "source": { "activity": "create-quote" }, "target": { "activity": "create-order" } },
              { "source": { "activity": "create-order" }, "target": { "activity": "jump" } },
              { "source": { "activity": "jump" }, "target": { "activity": "end" } }
            ]
          }
        }
        """);

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
