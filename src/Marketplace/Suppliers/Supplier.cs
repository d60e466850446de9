namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>A factory that makes orders (table <c>suppliers</c>), with the fields assignment scores and filters on.</summary>
public sealed class Supplier
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Company name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Where offers and updates go.</summary>
    public string Email { get; set; } = "";

    /// <summary>ISO 3166 alpha-2 country code, e.g. "PT".</summary>
    public string Country { get; set; } = "";

    /// <summary>Category keys it makes (exact match scores 40, related 20).</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>Orders it can run at once.</summary>
    public int Capacity { get; set; }

    /// <summary>Orders it runs now (workload = active ÷ capacity).</summary>
    public int ActiveOrders { get; set; }

    /// <summary>
    /// 0–5 stars. A new supplier (signed up or added by ops) starts in the middle, unproven rather than bad; the
    /// performance loop then moves it with each QC outcome, the start counting as 10 earlier events (SupplierPerformance).
    /// </summary>
    public decimal Rating { get; set; } = NewSupplierRating;

    /// <summary>Share of stages and deliveries on time, 0–1; a new supplier starts at one half, like its rating.</summary>
    public decimal OnTimeRate { get; set; } = NewSupplierOnTimeRate;

    /// <summary>A new supplier's rating before its own record: neither good nor bad (the quality risk reads it as neutral).</summary>
    public const decimal NewSupplierRating = 2.5m;

    /// <summary>A new supplier's on-time rate before its own record.</summary>
    public const decimal NewSupplierOnTimeRate = 0.5m;

    /// <summary>Minimum order quantity; smaller orders exclude it.</summary>
    public int Moq { get; set; } = 50;

    /// <summary>Its usual lead time.</summary>
    public int LeadTimeDays { get; set; } = 45;

    /// <summary>bronze, silver or gold.</summary>
    public SupplierTier Tier { get; set; } = SupplierTier.Bronze;

    /// <summary>Accepts offered orders without asking.</summary>
    public bool AutoAccept { get; set; }

    /// <summary>e.g. "OEKO-TEX", "GOTS", "BSCI"; an order needing one it lacks excludes it.</summary>
    public List<string> Certifications { get; set; } = [];

    /// <summary>The supplier's user account, if it has one.</summary>
    public string? UserId { get; set; }

    /// <summary>The contact person.</summary>
    public string? ContactName { get; set; }

    /// <summary>The contact's phone.</summary>
    public string? Phone { get; set; }

    /// <summary>Largest order it takes (the top of its MOQ range); null: no limit.</summary>
    public int? MaxOrderQuantity { get; set; }

    /// <summary>Where onboarding stands; only verified suppliers are offered orders.</summary>
    public VerificationStatus VerificationStatus { get; set; } = VerificationStatus.Pending;

    /// <summary>Why ops rejected, suspended or asked for more (the latest decision).</summary>
    public string? VerificationReason { get; set; }

    /// <summary>When the status last changed.</summary>
    public DateTimeOffset? VerificationChangedAt { get; set; }

    /// <summary>The onboarding workflow's instance, once one runs.</summary>
    public Guid? OnboardingInstanceId { get; set; }

    /// <summary>Orders it ever accepted (the performance loop counts them at assignment).</summary>
    public int TotalOrders { get; set; }

    /// <summary>Orders it delivered.</summary>
    public int DeliveredOrders { get; set; }

    /// <summary>Orders of its that were cancelled after it accepted them.</summary>
    public int CancelledOrders { get; set; }

    /// <summary>Stages and deliveries measured against their promised dates (feeds <see cref="OnTimeRate"/>).</summary>
    public int TimedEvents { get; set; }

    /// <summary>Of <see cref="TimedEvents"/>, those done by the promised date.</summary>
    public int OnTimeEvents { get; set; }

    /// <summary>QC inspections of its orders (feeds <see cref="Rating"/>).</summary>
    public int QcInspections { get; set; }

    /// <summary>Of <see cref="QcInspections"/>, those that failed.</summary>
    public int QcFailures { get; set; }
}
