namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>
/// The one input shape of <c>rules/automation.json</c>, read by rules as <c>input1.&lt;Property&gt;</c>.
/// One flat record serves orders, quotes and production stages: facts that do not apply stay zero/empty.
/// </summary>
public sealed record AutomationInput
{
    /// <summary>What is being judged: <c>order</c>, <c>quote</c> or <c>stage</c>.</summary>
    public string Subject { get; init; } = "order";

    /// <summary>The quote's (or order's) total in USD.</summary>
    public decimal QuoteTotal { get; init; }

    /// <summary>Units ordered.</summary>
    public int Quantity { get; init; }

    /// <summary>Category key, e.g. <c>t_shirt</c>.</summary>
    public string ProductType { get; init; } = "";

    /// <summary>The buyer's email.</summary>
    public string BuyerEmail { get; init; } = "";

    /// <summary>How many of the buyer's earlier orders are completed.</summary>
    public int BuyerCompletedOrders { get; init; }

    /// <summary>The production stage being judged, if any.</summary>
    public string Stage { get; init; } = "";

    /// <summary>Days the stage is past its planned end (0 when on time or no stage).</summary>
    public double StageDaysLate { get; init; }

    /// <summary>The order's quality risk, 0–100 (<see cref="Quality.QualityRisk"/>); for a quote, before any supplier.</summary>
    public int RiskScore { get; init; }
}
