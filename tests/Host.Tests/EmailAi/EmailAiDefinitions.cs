using System.Text.Json.Nodes;

namespace Sleek.Workflows.Host.Tests.EmailAi;

/// <summary>Small workflows around SendEmail and GenerateAiSuggestions.</summary>
internal static class EmailAiDefinitions
{
    /// <summary>The model of templates/ops-new-quote.scriban.</summary>
    public static JsonObject OpsNewQuoteModel(string quoteNumber) => new()
    {
        ["QuoteNumber"] = quoteNumber,
        ["BuyerEmail"] = "buyer@example.com",
        ["BuyerName"] = "Ada <Buyer>",
        ["ProductType"] = "t_shirt",
        ["Quantity"] = 150,
        ["Complexity"] = "medium",
        ["Total"] = 1296.75m,
        ["Currency"] = "USD",
        ["LeadTimeDays"] = 14,
        ["FollowUpBy"] = "2026-05-09",
        ["QuoteUrl"] = "http://localhost:5080/quotes/" + quoteNumber,
    };

    /// <summary>Start → SendEmail (template, to and model from the input) → Log.</summary>
    public static JsonObject SendThenLog() => Parse("""
        {
          "definitionId": "send-then-log", "version": 1, "name": "Send then log",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "mail", "type": "SendEmail", "inputs": {
                  "template": { "$js": "input.template" }, "to": { "$js": "input.to" }, "model": { "$js": "input.model" } } },
              { "id": "log", "type": "Log", "inputs": { "message": { "$js": "'sent ' + outputs.mail.subject" } } }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "mail" } },
              { "source": { "activity": "mail" }, "target": { "activity": "log" } }
            ]
          }
        }
        """);

    /// <summary>Start → SendEmail of a quote's confirmation with only its id (the fields come from the stored quote).</summary>
    public static JsonObject SendQuoteConfirmation() => Parse("""
        {
          "definitionId": "send-quote-confirmation", "version": 1, "name": "Send a quote confirmation by id",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "mail", "type": "SendEmail", "inputs": {
                  "template": "quote-confirmation", "to": { "$js": "input.to" }, "quoteId": { "$js": "input.quoteId" } } }
            ],
            "connections": [ { "source": { "activity": "start" }, "target": { "activity": "mail" } } ]
          }
        }
        """);

    /// <summary>Start → SendEmail → an HTTP call that fails once and is retried after a second → Log.</summary>
    public static JsonObject SendThenFlakyCall(string url) => Parse($$"""
        {
          "definitionId": "send-then-flaky", "version": 1, "name": "Send then a failing step",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "mail", "type": "SendEmail", "inputs": { "template": "ops-new-quote", "to": "ops", "model": { "$js": "input.model" } } },
              { "id": "call", "type": "HttpRequest", "inputs": { "url": "{{url}}" },
                "retry": { "maxAttempts": 3, "initialDelay": "PT1S", "maxDelay": "PT2S" } },
              { "id": "log", "type": "Log", "inputs": { "message": "done" } }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "mail" } },
              { "source": { "activity": "mail" }, "target": { "activity": "call" } },
              { "source": { "activity": "call", "port": "Success" }, "target": { "activity": "log" } }
            ]
          }
        }
        """);

    /// <summary>Start → WaitForEvent Go → SendEmail → Log: lets a test record the email's row before the step runs.</summary>
    public static JsonObject WaitThenSend() => Parse("""
        {
          "definitionId": "wait-then-send", "version": 1, "name": "Wait then send",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "wait", "type": "WaitForEvent", "inputs": { "eventName": "Go" } },
              { "id": "mail", "type": "SendEmail", "inputs": { "template": "ops-new-quote", "to": "ops", "model": { "$js": "input.model" } } },
              { "id": "log", "type": "Log", "inputs": { "message": "done" } }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "wait" } },
              { "source": { "activity": "wait" }, "target": { "activity": "mail" } },
              { "source": { "activity": "mail" }, "target": { "activity": "log" } }
            ]
          }
        }
        """);

    /// <summary>Start → GenerateAiSuggestions (quoteId from the input) → Log.</summary>
    public static JsonObject SuggestThenLog() => Parse("""
        {
          "definitionId": "suggest-then-log", "version": 1, "name": "Suggest then log",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "ai", "type": "GenerateAiSuggestions", "inputs": { "quoteId": { "$js": "input.quoteId" } } },
              { "id": "log", "type": "Log", "inputs": { "message": "quote goes on" } }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "ai" } },
              { "source": { "activity": "ai" }, "target": { "activity": "log" } }
            ]
          }
        }
        """);

    /// <summary>The output the journal recorded for an activity's (last) execution.</summary>
    public static JsonObject OutputOf(JsonNode instance, string activityId) =>
        instance["journal"]!.AsArray().Last(j => j!["activityId"]!.GetValue<string>() == activityId && j["output"] is JsonObject)!["output"]!.AsObject();

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
