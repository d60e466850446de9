namespace Sleek.Workflows.Marketplace.Quotes;

/// <summary>
/// A buyer's quote request as received (JSON names in camelCase). Quantity is a decimal so a
/// non-integer like 150.5 is reported by <see cref="QuoteRequestValidator"/> rather than lost in binding.
/// </summary>
public sealed record QuoteRequest
{
    /// <summary>A category, as written by the buyer ("T-Shirt").</summary>
    public string? ProductType { get; init; }

    /// <summary>Units, a whole number 50–100,000.</summary>
    public decimal? Quantity { get; init; }

    /// <summary>simple, medium (default) or complex.</summary>
    public string? Complexity { get; init; }

    /// <summary>Optional, ≤100 chars.</summary>
    public string? Fabric { get; init; }

    /// <summary>Optional, ≤2,000 chars.</summary>
    public string? Requirements { get; init; }

    /// <summary>Required, valid, ≤255 chars, not disposable.</summary>
    public string? Email { get; init; }

    /// <summary>Optional, ≤100 chars.</summary>
    public string? Name { get; init; }

    /// <summary>Optional: the listed catalog product the quote is asked for from (its id); checked by the quote API.</summary>
    public string? ProductId { get; init; }

    /// <summary>Optional yyyy-MM-dd: the date the goods are needed by (after today).</summary>
    public string? NeededBy { get; init; }

    /// <summary>Optional certifications every supplier must hold, e.g. ["GOTS", "OEKO-TEX"].</summary>
    public IReadOnlyList<string?>? RequiredCertifications { get; init; }

    /// <summary>Optional ISO country codes the order may be made in; empty means any.</summary>
    public IReadOnlyList<string?>? AllowedCountries { get; init; }

    /// <summary>Optional ISO country codes the order must not be made in.</summary>
    public IReadOnlyList<string?>? BlockedCountries { get; init; }
}
