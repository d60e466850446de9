namespace Sleek.Workflows.Marketplace.Files;

/// <summary>The kind of record a file belongs to; whoever may see that record may see its files.</summary>
public enum FileOwnerKind
{
    /// <summary>A supplier (its documents): the supplier's own users and staff.</summary>
    Supplier,

    /// <summary>A product (its images).</summary>
    Product,
}
