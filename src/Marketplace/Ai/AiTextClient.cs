using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using OpenAI;
using OpenAI.Chat;

namespace Sleek.Workflows.Marketplace.Ai;

/// <summary>
/// The AI border: one chat completion per call against any OpenAI-compatible endpoint. The SDK's own
/// retries are off (a 500 would otherwise be tried four times and a timeout take four times as long;
/// docs/dependencies.md §5): the caller decides, and a failure never blocks a quote. Thread-safe.
/// </summary>
public sealed class AiTextClient
{
    private readonly AiOptions _options;
    private readonly AiCostCalculator _costs;
    private readonly ChatClient? _chat;

    /// <summary>A client for these options; <paramref name="costs"/> defaults to the options' price table.</summary>
    public AiTextClient(AiOptions options, AiCostCalculator? costs = null)
    {
        _options = options;
        _costs = costs ?? new AiCostCalculator(options.Prices);
        if (options.IsConfigured)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.TimeoutSeconds);
            _chat = new ChatClient(
                options.Model,
                new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "none" : options.ApiKey),
                new OpenAIClientOptions
                {
                    Endpoint = new Uri(options.EffectiveEndpoint),
                    NetworkTimeout = Timeout,
                    RetryPolicy = new ClientRetryPolicy(0),
                });
        }
    }

    /// <summary>Whether AI text is on.</summary>
    public bool IsConfigured => _chat is not null;

    /// <summary>The configured model.</summary>
    public string Model => _options.Model;

    private TimeSpan Timeout => TimeSpan.FromSeconds(_options.TimeoutSeconds);

    /// <summary>
    /// Asks the model: <paramref name="instructions"/> as the system message, <paramref name="prompt"/> as
    /// the user message. Returns the text with token counts, the answering model and the cost.
    /// </summary>
    /// <exception cref="AiException">Not configured, timed out, an HTTP error, unreachable, or an empty answer.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public async Task<AiCompletion> SuggestAsync(string instructions, string prompt, CancellationToken cancellationToken)
    {
        if (_chat is null)
        {
            throw new AiException(AiFailure.NotConfigured, "AI text is not configured (Ai:Endpoint and Ai:ApiKey are unset)");
        }

        List<ChatMessage> messages = [new SystemChatMessage(instructions), new UserChatMessage(prompt)];
        var options = new ChatCompletionOptions { MaxOutputTokenCount = _options.MaxOutputTokens };
        var clock = Stopwatch.StartNew();
        ChatCompletion completion;
        try
        {
            completion = (await _chat.CompleteChatAsync(messages, options, cancellationToken)).Value;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AiException(AiFailure.Timeout, $"The AI endpoint {_options.EffectiveEndpoint} did not answer within {Timeout.TotalSeconds:0.#} s (Ai:TimeoutSeconds)", inner: ex);
        }
        catch (ClientResultException ex) when (ex.Status == 0)
        {
            throw new AiException(AiFailure.Unreachable, $"The AI endpoint {_options.EffectiveEndpoint} could not be reached: {ex.Message}", inner: ex);
        }
        catch (ClientResultException ex)
        {
            throw new AiException(AiFailure.HttpError, $"The AI endpoint {_options.EffectiveEndpoint} answered HTTP {ex.Status}: {FirstLine(ex.Message)}", ex.Status, ex);
        }

        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text)).Trim();
        if (text.Length == 0)
        {
            throw new AiException(AiFailure.EmptyAnswer, $"The AI endpoint answered without text (finish reason {completion.FinishReason})");
        }

        var promptTokens = completion.Usage?.InputTokenCount ?? 0;
        var completionTokens = completion.Usage?.OutputTokenCount ?? 0;
        var model = string.IsNullOrEmpty(completion.Model) ? _options.Model : completion.Model;
        return new AiCompletion(text, promptTokens, completionTokens, model, _costs.CostUsd(model, promptTokens, completionTokens), clock.Elapsed);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
