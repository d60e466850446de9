namespace Sleek.Workflows.Marketplace.Ai;

/// <summary>AI text settings (configuration section <c>Ai</c>; environment <c>Ai__Endpoint</c> etc.).</summary>
public sealed class AiOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Ai";

    /// <summary>OpenAI's own endpoint, used when only an API key is set.</summary>
    public const string OpenAiEndpoint = "https://api.openai.com/v1";

    /// <summary>
    /// Any OpenAI-compatible endpoint; requests go to <c>Endpoint + /chat/completions</c>, so OpenAI's is
    /// <c>https://api.openai.com/v1</c>. Unset (and no key) means no AI text: quotes are priced in code anyway.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>The API key; local servers that want none may leave it unset.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The chat model.</summary>
    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>How long one call may take before it is abandoned (seconds); docs/domain.md says 25.</summary>
    public double TimeoutSeconds { get; set; } = 25;

    /// <summary>Upper bound of the answer's length in tokens (bounds the cost of one call).</summary>
    public int MaxOutputTokens { get; set; } = 800;

    /// <summary>
    /// Prices per model (USD per 1M tokens) that replace or extend <see cref="AiCostCalculator.DefaultPrices"/>,
    /// e.g. <c>Ai__Prices__my-model__InputPerMillion=0.2</c>.
    /// </summary>
    public Dictionary<string, AiModelPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether AI text is on: an endpoint or an API key is set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) || !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>The endpoint to call: <see cref="Endpoint"/>, else OpenAI's.</summary>
    public string EffectiveEndpoint => string.IsNullOrWhiteSpace(Endpoint) ? OpenAiEndpoint : Endpoint;
}
