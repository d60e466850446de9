namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>
/// The supplier facts that eligibility rules and scoring read, mapped from the Supplier entity so the
/// rules never depend on how suppliers are stored. Rule expressions see it as <c>input1.Supplier</c>.
/// </summary>
public sealed record SupplierProfile
{
    /// <summary>The supplier's id.</summary>
    public Guid Id { get; init; }

    /// <summary>Display name.</summary>
    public string Name { get; init; } = "";

    /// <summary>ISO country code, upper case (e.g. <c>PT</c>).</summary>
    public string Country { get; init; } = "";

    /// <summary>Category keys it makes (e.g. <c>t_shirt</c>), lower case.</summary>
    public string[] Categories { get; init; } = [];

    /// <summary>Certifications it holds (e.g. <c>gots</c>, <c>oeko_tex</c>), lower case.</summary>
    public string[] Certifications { get; init; } = [];

    /// <summary>How many orders it can run at once.</summary>
    public int Capacity { get; init; }

    /// <summary>Orders it is running now.</summary>
    public int ActiveOrders { get; init; }

    /// <summary>Rating, 0 to 5 stars.</summary>
    public double Rating { get; init; }

    /// <summary>Share of orders delivered on time, 0 to 1.</summary>
    public double OnTimeRate { get; init; }

    /// <summary>Minimum order quantity (docs/domain.md: default 50).</summary>
    public int Moq { get; init; } = 50;

    /// <summary>Lead time in days (docs/domain.md: default 45).</summary>
    public int LeadTimeDays { get; init; } = 45;

    /// <summary>bronze, silver or gold.</summary>
    public string Tier { get; init; } = "bronze";

    /// <summary>Accepts offered orders at once, without a human answer.</summary>
    public bool AutoAccept { get; init; }

    /// <summary>Active orders ÷ capacity; 1 (full) when the capacity is zero or less.</summary>
    public double Workload => Capacity <= 0 ? 1 : (double)ActiveOrders / Capacity;
}
