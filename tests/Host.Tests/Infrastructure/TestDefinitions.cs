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

    /// <summary>
    /// Like <see cref="CallPartner"/>, but the call is tried up to <paramref name="maxAttempts"/> times, 10 s
    /// apart and doubling; the id is <c>call-partner-retry-&lt;maxAttempts&gt;</c>.
    /// </summary>
    public static JsonObject CallPartnerWithRetry(string url, int maxAttempts) => Parse($$"""
        {
          "definitionId": "call-partner-retry-{{maxAttempts}}", "version": 1, "name": "Call partner with retries",
          "variables": [ { "name": "answer", "type": "object" } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "call", "type": "HttpRequest", "inputs": { "url": "{{url}}", "timeoutSeconds": 30 },
                "retry": { "maxAttempts": {{maxAttempts}}, "initialDelay": "PT10S", "maxDelay": "PT1M", "factor": 2 } },
              { "id": "keep", "type": "SetVariable", "inputs": { "variable": "answer", "value": { "$js": "outputs.call.body" } } }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "call" } },
              { "source": { "activity": "call", "port": "Success" }, "target": { "activity": "keep" } }
            ]
          }
        }
        """);

    /// <summary>Logs once per item of a list of <paramref name="count"/> numbers: a journal of 2 × count + 3 rows.</summary>
    public static JsonObject ManyLogs(int count) => Parse($$"""
        {
          "definitionId": "many-logs", "version": 1, "name": "Many logs",
          "variables": [ { "name": "items", "type": "array", "default": [ {{string.Join(", ", Enumerable.Range(1, count))}} ] } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "each", "type": "ForEach", "inputs": { "items": { "$var": "items" } } },
              { "id": "say", "type": "Log", "inputs": { "message": { "$js": "'item ' + outputs.each.item" } } },
              { "id": "done", "type": "Log", "inputs": { "message": "all logged" } }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "each" } },
              { "source": { "activity": "each", "port": "Iterate" }, "target": { "activity": "say" } },
              { "source": { "activity": "say" }, "target": { "activity": "each" } },
              { "source": { "activity": "each", "port": "Done" }, "target": { "activity": "done" } }
            ]
          }
        }
        """);

    /// <summary>
    /// <c>order-approval</c> in three versions. v1 waits for the event <c>Approved</c> in activity
    /// <c>wait</c>, then sets <c>approved</c>. v2 keeps that, declares a new variable <c>channel</c>
    /// (default "web") and logs after approval. v3 turns <c>wait</c> into a Delay and drops <c>amount</c>.
    /// </summary>
    public static JsonObject OrderApproval(int version) => Parse($$"""
        {
          "definitionId": "order-approval", "version": {{version}}, "name": "Order approval",
          "variables": [
            {{(version < 3 ? """{ "name": "amount", "type": "number", "default": 0 },""" : "")}}
            {{(version == 2 ? """{ "name": "channel", "type": "string", "default": "web" },""" : "")}}
            { "name": "approved", "type": "boolean", "default": false }
          ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              {{(version < 3
                  ? """{ "id": "wait", "type": "WaitForEvent", "inputs": { "eventName": "Approved" } },"""
                  : """{ "id": "wait", "type": "Delay", "inputs": { "duration": "PT1H" } },""")}}
              { "id": "mark", "type": "SetVariable", "inputs": { "variable": "approved", "value": true } },
              { "id": "notify", "type": "Log", "inputs": { "message": "approved (v{{version}})" } }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "wait" } },
              { "source": { "activity": "wait" }, "target": { "activity": "mark" } },
              { "source": { "activity": "mark" }, "target": { "activity": "notify" } }
            ]
          }
        }
        """);

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
