namespace Sleek.Workflows.Marketplace.Catalog;

/// <summary>
/// A supplier's product (table <c>products</c>) in its <b>listed</b> form: the fields of its last approved revision,
/// copied here when ops approve it, so a pending change never shows to buyers (the listed form stays until the change is
/// approved). Proposals live in <see cref="ProductRevision"/>. Buyers see only products with <see cref="IsListed"/>.
/// </summary>
public sealed class Product
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The supplier that owns it (only that supplier edits it).</summary>
    public Guid SupplierId { get; set; }

    /// <summary>True once a revision was approved: buyers see and search it.</summary>
    public bool IsListed { get; set; }

    /// <summary>Category key from the catalog (<see cref="CategoryCatalog"/>); listed form.</summary>
    public string Category { get; set; } = "";

    /// <summary>Listed title.</summary>
    public string Title { get; set; } = "";

    /// <summary>Listed description.</summary>
    public string Description { get; set; } = "";

    /// <summary>Minimum order quantity (units).</summary>
    public int Moq { get; set; }

    /// <summary>Base price per unit, in <see cref="Currency"/>, exact to cents.</summary>
    public decimal BasePrice { get; set; }

    /// <summary>ISO 4217 code; USD for now (docs/domain.md: prices are USD).</summary>
    public string Currency { get; set; } = ProductRules.Currency;

    /// <summary>Days from order to shipment the supplier promises.</summary>
    public int LeadTimeDays { get; set; }

    /// <summary>The approved revision shown to buyers, null until the first approval.</summary>
    public Guid? ListedRevisionId { get; set; }

    /// <summary>The latest submitted revision (pending, approved or rejected).</summary>
    public Guid? LatestRevisionId { get; set; }

    /// <summary>How often a buyer opened the product page.</summary>
    public int Views { get; set; }

    /// <summary>How many quotes were asked for from it.</summary>
    public int Inquiries { get; set; }

    /// <summary>UTC, when the supplier first submitted it.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC, when its listed form was last approved.</summary>
    public DateTime? ListedAt { get; set; }
}
