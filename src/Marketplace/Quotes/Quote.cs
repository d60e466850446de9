namespace Sleek.Workflows.Marketplace.Quotes;

/// <summary>A priced quote (table <c>quotes</c>); the quote-to-delivery workflow instance is correlated by its id.</summary>
public sealed class Quote
{
    /// <summary>Id; also the workflow's correlation id.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>"Q-2026-0001", unique (see <see cref="Persistence.DocumentNumbers"/>).</summary>
    public string Number { get; set; } = "";

    /// <summary>The category key (normalized).</summary>
    public string ProductType { get; set; } = "";

    /// <summary>Units.</summary>
    public int Quantity { get; set; }

    /// <summary>Complexity used for the price.</summary>
    public Complexity Complexity { get; set; } = Complexity.Medium;

    /// <summary>Optional fabric.</summary>
    public string? Fabric { get; set; }

    /// <summary>Optional free-text requirements.</summary>
    public string? Requirements { get; set; }

    /// <summary>The buyer's email.</summary>
    public string Email { get; set; } = "";

    /// <summary>The buyer's name, if given.</summary>
    public string? Name { get; set; }

    /// <summary>The signed-in buyer, if any.</summary>
    public string? BuyerUserId { get; set; }

    /// <summary>USD per unit (unrounded, up to 4 decimals).</summary>
    public decimal UnitPrice { get; set; }

    /// <summary>USD, rounded to cents.</summary>
    public decimal Total { get; set; }

    /// <summary>Sampling + production + buffer days.</summary>
    public int LeadTimeDays { get; set; }

    /// <summary>
    /// Percent off promised to the buyer before acceptance (the discount follow-up), 0 when none; the order is created
    /// at the discounted price (<see cref="QuoteDiscount"/>).
    /// </summary>
    public int DiscountPercent { get; set; }

    /// <summary>Where the quote stands (stored as its snake_case name).</summary>
    public QuoteStatus Status { get; set; } = QuoteStatus.QuoteRequested;

    /// <summary>AI-written suggestions (JSON text), when AI is configured and answered.</summary>
    public string? AiSuggestions { get; set; }

    /// <summary>The workflow instance following this quote, once started.</summary>
    public Guid? WorkflowInstanceId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the buyer accepted it (UTC).</summary>
    public DateTime? AcceptedAt { get; set; }

    /// <summary>The order made from it.</summary>
    public Guid? OrderId { get; set; }

    /// <summary>The catalog product the buyer asked for a quote from, if any.</summary>
    public Guid? ProductId { get; set; }

    /// <summary>The date the buyer needs the goods by (a deadline for eligibility), if any.</summary>
    public DateOnly? NeededBy { get; set; }

    /// <summary>Certification keys every supplier must hold (lower case).</summary>
    public List<string> RequiredCertifications { get; set; } = [];

    /// <summary>ISO country codes the order may be made in; empty means any.</summary>
    public List<string> AllowedCountries { get; set; } = [];

    /// <summary>ISO country codes the order must not be made in.</summary>
    public List<string> BlockedCountries { get; set; } = [];
}
