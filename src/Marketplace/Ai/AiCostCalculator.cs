namespace Sleek.Workflows.Marketplace.Ai;

/// <summary>
/// The cost of one call from its token counts and a per-model price table (USD per 1M tokens). A model
/// is matched exactly, else by the longest table name it starts with (<c>gpt-4o-mini-2024-07-18</c> →
/// <c>gpt-4o-mini</c>), else <see cref="FallbackPrice"/>.
/// </summary>
public sealed class AiCostCalculator
{
    /// <summary>
    /// Published list prices (USD per 1M tokens, input/output) of common OpenAI models when this table was
    /// written; check them against the provider's price page and override with <c>Ai:Prices</c> when they change.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, AiModelPrice> DefaultPrices = new Dictionary<string, AiModelPrice>(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4o-mini"] = new(0.15m, 0.60m),
        ["gpt-4o"] = new(2.50m, 10.00m),
        ["gpt-4.1"] = new(2.00m, 8.00m),
        ["gpt-4.1-mini"] = new(0.40m, 1.60m),
        ["gpt-4.1-nano"] = new(0.10m, 0.40m),
        ["gpt-5"] = new(1.25m, 10.00m),
        ["gpt-5-mini"] = new(0.25m, 2.00m),
        ["gpt-5-nano"] = new(0.05m, 0.40m),
        ["o4-mini"] = new(1.10m, 4.40m),
    };

    /// <summary>
    /// The price of a model the table does not know (a self-hosted one, a new one): gpt-4o's, on purpose on
    /// the high side, so the hourly cost monitor warns too early rather than too late.
    /// </summary>
    public static readonly AiModelPrice FallbackPrice = new(2.50m, 10.00m);

    private readonly Dictionary<string, AiModelPrice> _prices;

    /// <summary>The default table, with <paramref name="overrides"/> replacing or adding models.</summary>
    public AiCostCalculator(IReadOnlyDictionary<string, AiModelPrice>? overrides = null)
    {
        _prices = new Dictionary<string, AiModelPrice>(DefaultPrices, StringComparer.OrdinalIgnoreCase);
        foreach (var (model, price) in overrides ?? new Dictionary<string, AiModelPrice>())
        {
            _prices[model] = price;
        }
    }

    /// <summary>The price used for a model name.</summary>
    public AiModelPrice PriceOf(string model)
    {
        if (_prices.TryGetValue(model, out var exact))
        {
            return exact;
        }

        return _prices
            .Where(p => model.StartsWith(p.Key, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Key.Length)
            .Select(p => p.Value)
            .FirstOrDefault() ?? FallbackPrice;
    }

    /// <summary>The cost in USD of a call, unrounded (sums of many small calls stay exact).</summary>
    public decimal CostUsd(string model, long promptTokens, long completionTokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(promptTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(completionTokens);
        var price = PriceOf(model);
        return ((promptTokens * price.InputPerMillion) + (completionTokens * price.OutputPerMillion)) / 1_000_000m;
    }
}
