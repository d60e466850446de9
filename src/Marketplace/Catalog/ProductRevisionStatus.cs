namespace Sleek.Workflows.Marketplace.Catalog;

/// <summary>Where a product revision stands (stored as snake_case text).</summary>
public enum ProductRevisionStatus
{
    /// <summary>Waiting for the ops review task.</summary>
    Pending,

    /// <summary>Ops approved it: it is the product's listed form (until a later one is approved).</summary>
    Approved,

    /// <summary>Ops rejected it, with a reason.</summary>
    Rejected,
}
