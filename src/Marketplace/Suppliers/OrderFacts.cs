namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>
/// The order facts that eligibility, urgency and scoring read, mapped from the Order entity.
/// Rule expressions see it as <c>input1.Order</c>.
/// </summary>
public sealed record OrderFacts
{
    /// <summary>The order's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The order's number, e.g. <c>ORD-2026-0001</c>.</summary>
    public string Number { get; init; } = "";

    /// <summary>Category key, e.g. <c>t_shirt</c>.</summary>
    public string ProductType { get; init; } = "";

    /// <summary>Units ordered.</summary>
    public int Quantity { get; init; }

    /// <summary>Certifications every supplier must hold (lower case); empty when none.</summary>
    public string[] RequiredCertifications { get; init; } = [];

    /// <summary>Countries the order may be made in (upper-case ISO codes); empty means any.</summary>
    public string[] AllowedCountries { get; init; } = [];

    /// <summary>Countries the order must not be made in (upper-case ISO codes).</summary>
    public string[] BlockedCountries { get; init; } = [];

    /// <summary>Days until the buyer needs the goods, when the order has a deadline.</summary>
    public int? DeadlineDays { get; init; }

    /// <summary>True when <see cref="DeadlineDays"/> is set (rules compare it without nullable arithmetic).</summary>
    public bool HasDeadline => DeadlineDays is not null;

    /// <summary>When the order was created (the start of its wait for a supplier).</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
