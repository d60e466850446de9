namespace Sleek.Workflows.Marketplace.Catalog;

/// <summary>
/// One submitted version of a product (table <c>product_revisions</c>): what the supplier proposed, and the ops
/// decision of its <c>product-approval</c> workflow. A rejected revision keeps its reason.
/// </summary>
public sealed class ProductRevision
{
    /// <summary>Id; also the correlation id of its product-approval instance.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The product.</summary>
    public Guid ProductId { get; set; }

    /// <summary>1 for the first submission, then 2, 3, …</summary>
    public int Number { get; set; }

    /// <summary>pending → approved | rejected.</summary>
    public ProductRevisionStatus Status { get; set; } = ProductRevisionStatus.Pending;

    /// <summary>Category key.</summary>
    public string Category { get; set; } = "";

    /// <summary>Title.</summary>
    public string Title { get; set; } = "";

    /// <summary>Description.</summary>
    public string Description { get; set; } = "";

    /// <summary>Minimum order quantity.</summary>
    public int Moq { get; set; }

    /// <summary>Base price per unit.</summary>
    public decimal BasePrice { get; set; }

    /// <summary>ISO 4217 code.</summary>
    public string Currency { get; set; } = ProductRules.Currency;

    /// <summary>Lead time in days.</summary>
    public int LeadTimeDays { get; set; }

    /// <summary>Why ops rejected it (required for a rejection).</summary>
    public string? RejectionReason { get; set; }

    /// <summary>The user who submitted it.</summary>
    public string? SubmittedBy { get; set; }

    /// <summary>Its product-approval workflow instance.</summary>
    public Guid? WorkflowInstanceId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime SubmittedAt { get; set; }

    /// <summary>UTC, when ops decided.</summary>
    public DateTime? DecidedAt { get; set; }
}
