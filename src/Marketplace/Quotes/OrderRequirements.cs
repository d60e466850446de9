namespace Sleek.Workflows.Marketplace.Quotes;

/// <summary>
/// What a buyer requires of the supplier, set on the quote request and carried to the order: a date the goods are
/// needed by, certifications every supplier must hold, and countries the order may (or may not) be made in.
/// The eligibility rules (<c>rules/supplier-eligibility.json</c>) read them. Certifications are lower-case keys,
/// countries upper-case ISO 3166 alpha-2 codes.
/// </summary>
public sealed record OrderRequirements
{
    /// <summary>No requirement at all.</summary>
    public static readonly OrderRequirements None = new();

    /// <summary>The date the buyer needs the goods by (the order's target delivery date), if any.</summary>
    public DateOnly? NeededBy { get; init; }

    /// <summary>Certification keys, e.g. <c>gots</c>, <c>oeko_tex</c>.</summary>
    public IReadOnlyList<string> RequiredCertifications { get; init; } = [];

    /// <summary>Countries the order may be made in; empty means any.</summary>
    public IReadOnlyList<string> AllowedCountries { get; init; } = [];

    /// <summary>Countries the order must not be made in.</summary>
    public IReadOnlyList<string> BlockedCountries { get; init; } = [];
}
