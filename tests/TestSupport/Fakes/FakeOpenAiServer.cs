using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sleek.Workflows.TestSupport.Fakes;

/// <summary>
/// An OpenAI-compatible chat completions endpoint on a real Kestrel port, at both
/// <c>/chat/completions</c> and <c>/v1/chat/completions</c> (an SDK endpoint of <c>http://host:port</c> or
/// <c>http://host:port/v1</c>). Answers in the recorded shape of a <c>chat.completion</c> with usage
/// counts; <see cref="Mode"/> makes it slow or fail with 500. Records every request.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<OpenAiRequest> _requests = new();

    private FakeOpenAiServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary><c>http://127.0.0.1:port</c>; the SDK's Endpoint may be this or this + <c>/v1</c>.</summary>
    public string BaseUrl { get; }

    public OpenAiFakeMode Mode { get; set; } = OpenAiFakeMode.Normal;

    /// <summary>How long <see cref="OpenAiFakeMode.Slow"/> holds a request (ended early when the client gives up).</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(30);

    public string AnswerText { get; set; } = "A 150-piece t-shirt run in medium complexity is a good fit for combed cotton jersey (180 gsm). Consider a sample in two colourways before bulk.";

    /// <summary>The model the answer names; null answers with the requested model plus a date suffix, as OpenAI does.</summary>
    public string? AnswerModel { get; set; }

    public int PromptTokens { get; set; } = 412;

    public int CompletionTokens { get; set; } = 87;

    public IReadOnlyList<OpenAiRequest> Requests => [.. _requests];

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        FakeOpenAiServer? fake = null;
        var (app, baseUrl) = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/chat/completions", (Func<HttpContext, Task<IResult>>)(http => fake!.CompleteAsync(http)));
            app.MapPost("/v1/chat/completions", (Func<HttpContext, Task<IResult>>)(http => fake!.CompleteAsync(http)));
        });
        fake = new FakeOpenAiServer(app, baseUrl);
        return fake;
    }

    public ValueTask DisposeAsync() => new(LoopbackServer.StopAsync(_app));

    private async Task<IResult> CompleteAsync(HttpContext http)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted))?.AsObject() ?? [];
        var request = new OpenAiRequest(http.Request.Path.Value ?? "", http.Request.Headers.Authorization.FirstOrDefault(), body);
        _requests.Enqueue(request);

        switch (Mode)
        {
            case OpenAiFakeMode.Slow:
                // Ends when the client times out and drops the connection, or the server stops.
                await Task.Delay(SlowDelay, http.RequestAborted);
                break;
            case OpenAiFakeMode.ServerError:
                return Results.Content(
                    """{"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}""",
                    "application/json",
                    Encoding.UTF8,
                    500);
        }

        var model = AnswerModel ?? (request.Model ?? "gpt-4o-mini") + "-2024-07-18";
        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 29),
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = AnswerText, ["refusal"] = null, ["annotations"] = new JsonArray() },
                ["logprobs"] = null,
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = PromptTokens,
                ["completion_tokens"] = CompletionTokens,
                ["total_tokens"] = PromptTokens + CompletionTokens,
                ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 0, ["audio_tokens"] = 0 },
                ["completion_tokens_details"] = new JsonObject
                {
                    ["reasoning_tokens"] = 0,
                    ["audio_tokens"] = 0,
                    ["accepted_prediction_tokens"] = 0,
                    ["rejected_prediction_tokens"] = 0,
                },
            },
            ["service_tier"] = "default",
            ["system_fingerprint"] = "fp_560af6e559",
        };
        return Results.Content(completion.ToJsonString(), "application/json");
    }
}
