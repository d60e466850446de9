namespace Sleek.Workflows.Marketplace.Ai;

/// <summary>One call to the AI endpoint and its cost (table <c>ai_usage</c>), for the hourly cost warnings.</summary>
public sealed class AiUsage
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>UTC.</summary>
    public DateTime At { get; set; }

    /// <summary>Model name.</summary>
    public string Model { get; set; } = "";

    /// <summary>Prompt tokens.</summary>
    public int PromptTokens { get; set; }

    /// <summary>Completion tokens.</summary>
    public int CompletionTokens { get; set; }

    /// <summary>USD (6 decimals: calls cost fractions of a cent).</summary>
    public decimal CostUsd { get; set; }

    /// <summary>Call duration.</summary>
    public int DurationMs { get; set; }

    /// <summary>False for timeouts and errors.</summary>
    public bool Succeeded { get; set; }

    /// <summary>What went wrong.</summary>
    public string? Error { get; set; }

    /// <summary>The quote it was for.</summary>
    public Guid? QuoteId { get; set; }
}
