namespace Sleek.Workflows.Marketplace.Ai;

/// <summary>A model's price in USD per one million tokens, for prompt (input) and completion (output).</summary>
public sealed class AiModelPrice
{
    /// <summary>A price with both rates.</summary>
    public AiModelPrice(decimal inputPerMillion, decimal outputPerMillion)
    {
        InputPerMillion = inputPerMillion;
        OutputPerMillion = outputPerMillion;
    }

    /// <summary>For configuration binding.</summary>
    public AiModelPrice()
    {
    }

    /// <summary>USD per 1M prompt tokens.</summary>
    public decimal InputPerMillion { get; set; }

    /// <summary>USD per 1M completion tokens.</summary>
    public decimal OutputPerMillion { get; set; }
}
