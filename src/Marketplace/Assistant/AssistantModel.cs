using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI;
using Sleek.Workflows.Marketplace.Ai;

namespace Sleek.Workflows.Marketplace.Assistant;

/// <summary>
/// The assistant's model border: the OpenAI-compatible endpoint of <c>Ai:*</c> as an <see cref="IChatClient"/> that
/// calls the tools it is given (Microsoft.Extensions.AI function invocation) and retries transient failures of each
/// model call (<see cref="RetryingChatClient"/>). The SDK's own retries are off, as for AI text. Thread-safe.
/// </summary>
public sealed class AssistantModel
{
    private readonly IChatClient? _client;

    /// <summary>A client for these options; none (and <see cref="IsConfigured"/> false) without an endpoint or key.</summary>
    public AssistantModel(AiOptions ai, AssistantOptions options, ILoggerFactory loggers)
    {
        Model = ai.Model;
        if (!ai.IsConfigured)
        {
            return;
        }

        var openAi = new OpenAIClient(
            new ApiKeyCredential(string.IsNullOrWhiteSpace(ai.ApiKey) ? "none" : ai.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = new Uri(ai.EffectiveEndpoint),
                NetworkTimeout = TimeSpan.FromSeconds(ai.TimeoutSeconds),
                RetryPolicy = new ClientRetryPolicy(0),
            });
        var logger = loggers.CreateLogger<AssistantModel>();
        _client = new ChatClientBuilder(openAi.GetChatClient(ai.Model).AsIChatClient())
            .UseFunctionInvocation(loggers, f =>
            {
                f.MaximumIterationsPerRequest = options.MaxToolRounds;
                // A tool's exception text stays on the server; the model hears only that it failed.
                f.IncludeDetailedErrors = false;
                f.AllowConcurrentInvocation = false;
            })
            .Use(inner => new RetryingChatClient(inner, options, logger))
            .Build();
    }

    /// <summary>Whether an endpoint (or key) is configured.</summary>
    public bool IsConfigured => _client is not null;

    /// <summary>The configured model name.</summary>
    public string Model { get; }

    /// <summary>Streams one turn: text tokens, tool calls and their results, and usage, across every tool round.</summary>
    public IAsyncEnumerable<ChatResponseUpdate> StreamAsync(IList<ChatMessage> messages, ChatOptions options, CancellationToken cancellationToken) =>
        (_client ?? throw new InvalidOperationException("the assistant is not configured (Ai:Endpoint and Ai:ApiKey are unset)"))
            .GetStreamingResponseAsync(messages, options, cancellationToken);
}
