using System.Text.Json.Nodes;

namespace Sleek.Workflows.Host.Tests.Infrastructure;

/// <summary>Small definitions written for the tests (the samples come from the repository's workflows/).</summary>
internal static class TestDefinitions
{
    /// <summary>Waits for <c>OrderPaid</c> with the instance's correlation id, then a few steps.</summary>
    public static JsonObject WaitForPayment() => Parse("""
        {
          "definitionId": "wait-payment", "version": 1, "name": "Wait for payment",
          "variables": [ { "name": "paid", "type": "object" }, { "name": "done", "type": "boolean", "default": false } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "wait", "type": "WaitForEvent", "inputs": { "eventName": "OrderPaid" } },
              { "id": "keep", "type": "SetVariable", "inputs": { "variable": "paid", "value": { "$js": "outputs.wait" } } },
              { "id": "note", "type": "Log", "inputs": { "message": "payment received" } },
              { "id": "finish", "type": "SetVariable", "inputs": { "variable": "done", "value": true } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "wait" } },
              { "source": { "activity": "wait" }, "target": { "activity": "keep" } },
              { "source": { "activity": "keep" }, "target": { "activity": "note" } },
              { "source": { "activity": "note" }, "target": { "activity": "finish" } },
              { "source": { "activity": "finish" }, "target": { "activity": "end" } }
            ]
          }
        }
        """);

    /// <summary>Waits ten minutes, then marks itself done.</summary>
    public static JsonObject TenMinuteDelay() => Parse("""
        {
          "definitionId": "ten-minute-delay", "version": 1, "name": "Ten minute delay",
          "variables": [ { "name": "done", "type": "boolean", "default": false } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "delay", "type": "Delay", "inputs": { "duration": "PT10M" } },
              { "id": "finish", "type": "SetVariable", "inputs": { "variable": "done", "value": true } }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "delay" } },
              { "source": { "activity": "delay" }, "target": { "activity": "finish" } }
            ]
          }
        }
        """);

    /// <summary>Calls a partner over HTTP; Success sets a variable, Failure faults.</summary>
    public static JsonObject CallPartner(string url) => Parse($$"""
        {
          "definitionId": "call-partner", "version": 1, "name": "Call partner",
          "variables": [ { "name": "answer", "type": "object" } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "call", "type": "HttpRequest", "inputs": { "url": "{{url}}", "timeoutSeconds": 30 } },
              { "id": "keep", "type": "SetVariable", "inputs": { "variable": "answer", "value": { "$js": "outputs.call.body" } } },
              { "id": "refused", "type": "Fault", "inputs": { "message": "partner refused" } }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "call" } },
              { "source": { "activity": "call", "port": "Success" }, "target": { "activity": "keep" } },
              { "source": { "activity": "call", "port": "Failure" }, "target": { "activity": "refused" } }
            ]
          }
        }
        """);

    /// <summary>Two branches joined with WaitAll: a five-minute Delay, and an HTTP call to a partner.</summary>
    public static JsonObject DelayAndCall(string url) => Parse($$"""
        {
          "definitionId": "delay-and-call", "version": 1, "name": "Delay and call",
          "variables": [ { "name": "done", "type": "boolean", "default": false } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "fork", "type": "Fork", "inputs": { "branches": [ "Wait", "Call" ] } },
              { "id": "delay", "type": "Delay", "inputs": { "duration": "PT5M" } },
              { "id": "call", "type": "HttpRequest", "inputs": { "url": "{{url}}" } },
              { "id": "both", "type": "Join", "inputs": { "mode": "WaitAll" } },
              { "id": "finish", "type": "SetVariable", "inputs": { "variable": "done", "value": true } }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "fork" } },
              { "source": { "activity": "fork", "port": "Wait" }, "target": { "activity": "delay" } },
              { "source": { "activity": "fork", "port": "Call" }, "target": { "activity": "call" } },
              { "source": { "activity": "delay" }, "target": { "activity": "both" } },
              { "source": { "activity": "call", "port": "Success" }, "target": { "activity": "both" } },
              { "source": { "activity": "both" }, "target": { "activity": "finish" } }
            ]
          }
        }
        """);

    /// <summary>Two branches joined with WaitAll: the event <c>Go</c> and a five-minute Delay; then marks itself done.</summary>
    public static JsonObject EventAndDelay() => Parse("""
        {
          "definitionId": "event-and-delay", "version": 1, "name": "Event and delay",
          "variables": [ { "name": "done", "type": "boolean", "default": false } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "fork", "type": "Fork", "inputs": { "branches": [ "Event", "Timer" ] } },
              { "id": "wait", "type": "WaitForEvent", "inputs": { "eventName": "Go" } },
              { "id": "delay", "type": "Delay", "inputs": { "duration": "PT5M" } },
              { "id": "both", "type": "Join", "inputs": { "mode": "WaitAll" } },
              { "id": "finish", "type": "SetVariable", "inputs": { "variable": "done", "value": true } }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "fork" } },
              { "source": { "activity": "fork", "port": "Event" }, "target": { "activity": "wait" } },
              { "source": { "activity": "fork", "port": "Timer" }, "target": { "activity": "delay" } },
              { "source": { "activity": "wait" }, "target": { "activity": "both" } },
              { "source": { "activity": "delay" }, "target": { "activity": "both" } },
              { "source": { "activity": "both" }, "target": { "activity": "finish" } }
            ]
          }
        }
        """);

    /// <summary>Always faults in activity <c>boom</c>.</summary>
    public static JsonObject AlwaysFails() => Parse("""
        {
          "definitionId": "always-fails", "version": 1, "name": "Always fails",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "boom", "type": "Fault", "inputs": { "message": "stock system unavailable" } }
            ],
            "connections": [ { "source": { "activity": "start" }, "target": { "activity": "boom" } } ]
          }
        }
        """);

    /// <summary>Start → Log(<paramref name="message"/>) under <paramref name="definitionId"/> v1.</summary>
    public static JsonObject Logging(string definitionId, string message, int version = 1) => Parse($$"""
        {
          "definitionId": "{{definitionId}}", "version": {{version}}, "name": "Logs a message",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "say", "type": "Log", "inputs": { "message": "{{message}}" } }
            ],
            "connections": [ { "source": { "activity": "start" }, "target": { "activity": "say" } } ]
          }
        }
        """);

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
