using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sleek.Workflows.TestSupport.Fakes;

/// <summary>
/// An OpenAI-compatible chat completions endpoint that plays a script: each request takes the next
/// <see cref="ScriptedReply"/>. Streamed requests (<c>stream: true</c>) get <c>chat.completion.chunk</c> server-sent
/// events in the recorded shape: a role chunk, content deltas word by word or <c>tool_calls</c> deltas (id and name first,
/// the arguments in pieces), a finish chunk, a usage chunk with empty choices, then <c>[DONE]</c>. <see cref="Down"/>
/// answers every request with that status. Records every request.
/// </summary>
public sealed class ScriptedOpenAiServer : IAsyncDisposable
{
    public const string Model = "gpt-4o-mini-2024-07-18";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedReply> _script = new();
    private readonly ConcurrentQueue<OpenAiRequest> _requests = new();
    private readonly ConcurrentQueue<(int Prompt, int Completion)> _usage = new();

    private ScriptedOpenAiServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>When set, every request gets this status (a model server that is down).</summary>
    public int? Down { get; set; }

    public IReadOnlyList<OpenAiRequest> Requests => [.. _requests];

    /// <summary>The usage each finished reply reported, in order.</summary>
    public IReadOnlyList<(int Prompt, int Completion)> Usage => [.. _usage];

    /// <summary>Requests without <c>stream: true</c> (answered 500, not recorded in <see cref="Requests"/>).</summary>
    public int NotStreamed { get; private set; }

    /// <summary>Replies not yet played.</summary>
    public int Pending => _script.Count;

    public static async Task<ScriptedOpenAiServer> StartAsync()
    {
        ScriptedOpenAiServer? fake = null;
        var (app, baseUrl) = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/chat/completions", (Func<HttpContext, Task>)(http => fake!.CompleteAsync(http)));
            app.MapPost("/v1/chat/completions", (Func<HttpContext, Task>)(http => fake!.CompleteAsync(http)));
        });
        fake = new ScriptedOpenAiServer(app, baseUrl);
        return fake;
    }

    public ScriptedOpenAiServer Play(params ScriptedReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }

        return this;
    }

    public ValueTask DisposeAsync() => new(LoopbackServer.StopAsync(_app));

    private async Task CompleteAsync(HttpContext http)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted))?.AsObject() ?? [];
        if (body["stream"]?.GetValue<bool>() == true)
        {
            _requests.Enqueue(new OpenAiRequest(http.Request.Path.Value ?? "", http.Request.Headers.Authorization.FirstOrDefault(), body));
        }

        if (Down is { } down)
        {
            await ErrorAsync(http, down, "The server is overloaded or not ready yet.");
            return;
        }

        if (body["stream"]?.GetValue<bool>() != true)
        {
            // Not the assistant (e.g. the quote workflow's AI suggestions): never takes a scripted reply.
            NotStreamed++;
            await ErrorAsync(http, 500, "This fake answers streamed requests only.");
            return;
        }

        if (!_script.TryDequeue(out var reply))
        {
            await ErrorAsync(http, 500, "The test's script has no reply left for this request.");
            return;
        }

        if (reply.Status != 200)
        {
            await ErrorAsync(http, reply.Status, reply.Status == 429 ? "Rate limit reached for requests" : "The server had an error while processing your request.");
            return;
        }

        var id = "chatcmpl-" + Guid.NewGuid().ToString("N")[..24];
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        JsonObject Chunk(JsonNode? delta, string? finish, JsonObject? usage = null) => new()
        {
            ["id"] = id,
            ["object"] = "chat.completion.chunk",
            ["created"] = created,
            ["model"] = Model,
            ["service_tier"] = "default",
            ["system_fingerprint"] = "fp_560af6e559",
            ["choices"] = delta is null ? new JsonArray() : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finish }),
            ["usage"] = usage,
        };

        async Task SendAsync(JsonObject chunk)
        {
            await http.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n", Encoding.UTF8, http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
        }

        await SendAsync(Chunk(new JsonObject { ["role"] = "assistant", ["content"] = reply.ToolCalls.Count > 0 ? null : "", ["refusal"] = null }, null));
        if (reply.ToolCalls.Count > 0)
        {
            for (var i = 0; i < reply.ToolCalls.Count; i++)
            {
                var call = reply.ToolCalls[i];
                await SendAsync(Chunk(new JsonObject
                {
                    ["tool_calls"] = new JsonArray(new JsonObject
                    {
                        ["index"] = i,
                        ["id"] = "call_" + Guid.NewGuid().ToString("N")[..24],
                        ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = "" },
                    }),
                }, null));
                foreach (var piece in Pieces(call.ArgumentsJson, 12))
                {
                    await SendAsync(Chunk(new JsonObject { ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = i, ["function"] = new JsonObject { ["arguments"] = piece } }) }, null));
                }
            }

            await SendAsync(Chunk(new JsonObject(), "tool_calls"));
        }
        else
        {
            var words = Words(reply.Text ?? "").ToList();
            var sent = 0;
            foreach (var word in words)
            {
                if (reply.BreakMidway && sent == Math.Max(1, words.Count / 2))
                {
                    // A reply broken mid-stream: the stream ends without a finish reason, usage or [DONE].
                    return;
                }

                await SendAsync(Chunk(new JsonObject { ["content"] = word }, null));
                sent++;
            }

            await SendAsync(Chunk(new JsonObject(), "stop"));
        }

        var promptTokens = reply.PromptTokens ?? Math.Max(1, body["messages"]!.ToJsonString().Length + (body["tools"]?.ToJsonString().Length ?? 0)) / 4;
        var completionTokens = reply.CompletionTokens ?? Math.Max(5, ((reply.Text?.Length ?? 0) + reply.ToolCalls.Sum(c => c.Name.Length + c.ArgumentsJson.Length)) / 4);
        _usage.Enqueue((promptTokens, completionTokens));
        await SendAsync(Chunk(null, null, new JsonObject
        {
            ["prompt_tokens"] = promptTokens,
            ["completion_tokens"] = completionTokens,
            ["total_tokens"] = promptTokens + completionTokens,
            ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 0, ["audio_tokens"] = 0 },
            ["completion_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0, ["audio_tokens"] = 0, ["accepted_prediction_tokens"] = 0, ["rejected_prediction_tokens"] = 0 },
        }));
        await http.Response.WriteAsync("data: [DONE]\n\n", http.RequestAborted);
    }

    private static async Task ErrorAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        if (status == 429)
        {
            http.Response.Headers.RetryAfter = "0";
        }

        var type = status == 429 ? "requests" : "server_error";
        var error = new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = null } };
        await http.Response.WriteAsync(error.ToJsonString());
    }

    /// <summary>"Hello there, buyer" → "Hello", " there,", " buyer": tokens as a model streams them.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var parts = text.Split(' ');
        for (var i = 0; i < parts.Length; i++)
        {
            yield return i == 0 ? parts[i] : " " + parts[i];
        }
    }

    private static IEnumerable<string> Pieces(string text, int size)
    {
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{BaseUrl} ({Pending} replies left)");
}
