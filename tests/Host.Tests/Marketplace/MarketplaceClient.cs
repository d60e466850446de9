using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Marketplace;

/// <summary>The quotes, orders and tasks API as the marketplace tests call it.</summary>
internal sealed class MarketplaceClient(SleekApi api)
{
    public SleekApi Api => api;

    /// <summary>docs/domain.md's worked example: t_shirt, medium, 150 units → 8.645 per unit, 1,296.75.</summary>
    public static JsonObject WorkedExample(string email = "buyer@example.com") => new()
    {
        ["productType"] = "T-Shirt",
        ["quantity"] = 150,
        ["complexity"] = "medium",
        ["fabric"] = "organic cotton",
        ["requirements"] = "two-colour print on the chest",
        ["email"] = email,
        ["name"] = "Ada Buyer",
    };

    public async Task<HttpResponseMessage> PostQuoteAsync(object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/quotes") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await api.Client.SendAsync(request);
    }

    /// <summary>POST /api/quotes; expects 201.</summary>
    public async Task<JsonObject> CreateQuoteAsync(object? body = null)
    {
        using var response = await PostQuoteAsync(body ?? WorkedExample());
        return (JsonObject)await SleekApi.ExpectAsync(response, HttpStatusCode.Created);
    }

    /// <summary>POST /api/quotes/{id}/accept; expects 200 with the order id.</summary>
    public async Task<JsonObject> AcceptAsync(string quoteId)
    {
        using var response = await api.PostAsync($"/api/quotes/{quoteId}/accept");
        return (JsonObject)await SleekApi.ExpectAsync(response, HttpStatusCode.OK);
    }

    public async Task<JsonObject> OrderAsync(string orderId) => (JsonObject)await api.GetJsonAsync($"/api/orders/{orderId}");

    public async Task<JsonArray> TasksAsync(string orderId) => (await api.GetJsonAsync($"/api/orders/{orderId}/tasks"))["items"]!.AsArray();

    /// <summary>The order's only open task, waiting until there is one.</summary>
    public async Task<JsonObject> SingleTaskAsync(string orderId, string? titleStartsWith = null) =>
        (JsonObject)(await Eventually.UntilAsync(
            () => TasksAsync(orderId),
            tasks => tasks.Count == 1 && (titleStartsWith is null || tasks[0]!["title"]!.GetValue<string>().StartsWith(titleStartsWith, StringComparison.Ordinal)),
            $"one open task{(titleStartsWith is null ? "" : $" '{titleStartsWith}…'")} of order {orderId}",
            tasks => tasks.ToJsonString()))[0]!;

    public Task<HttpResponseMessage> CompleteAsync(JsonNode task, object? form = null) =>
        api.PostAsync($"/api/tasks/{task["id"]}/complete", form ?? new { });

    /// <summary>Completes a task; expects 200.</summary>
    public async Task CompleteOkAsync(JsonNode task, object? form = null)
    {
        using var response = await CompleteAsync(task, form);
        await SleekApi.ExpectAsync(response, HttpStatusCode.OK);
    }

    public Task<HttpResponseMessage> ActionAsync(string orderId, string action, string? reason) =>
        api.PostAsync($"/api/orders/{orderId}/{action}", reason is null ? new { } : new { reason });

    public static string Str(JsonNode? node, string name) => node![name]!.GetValue<string>();
}
