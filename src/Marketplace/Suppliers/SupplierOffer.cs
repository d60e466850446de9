namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>An order offered to a ranked candidate supplier (table <c>supplier_offers</c>).</summary>
public sealed class SupplierOffer
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The order.</summary>
    public Guid OrderId { get; set; }

    /// <summary>The candidate.</summary>
    public Guid SupplierId { get; set; }

    /// <summary>1 = best score.</summary>
    public int Rank { get; set; }

    /// <summary>Score out of 100.</summary>
    public decimal Score { get; set; }

    /// <summary>When offered (UTC); null while only a candidate.</summary>
    public DateTime? OfferedAt { get; set; }

    /// <summary>When answered (UTC).</summary>
    public DateTime? RespondedAt { get; set; }

    /// <summary>The answer, once there is one.</summary>
    public OfferResponse? Response { get; set; }
}
