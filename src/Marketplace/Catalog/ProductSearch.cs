namespace Sleek.Workflows.Marketplace.Catalog;

/// <summary>
/// What a buyer looks for in the catalog: words (full text on PostgreSQL, LIKE on SQLite), a category, and the largest
/// MOQ they accept (products whose minimum order is at most that many units).
/// </summary>
/// <param name="Text">Words to find in title and description; null or blank for all.</param>
/// <param name="Category">A category key, or null for all.</param>
/// <param name="MaxMoq">Only products whose MOQ is at most this, or null.</param>
/// <param name="Skip">Items before the page.</param>
/// <param name="Take">Page size.</param>
public sealed record ProductSearch(string? Text, string? Category, int? MaxMoq, int Skip, int Take)
{
    /// <summary>Longest search text.</summary>
    public const int MaxText = 200;
}

/// <summary>A listed product as buyers see it: its approved form, its counters, and its supplier's name and rating.</summary>
public sealed record ListedProduct(
    Guid Id,
    string Category,
    string Title,
    string Description,
    int Moq,
    decimal BasePrice,
    string Currency,
    int LeadTimeDays,
    int Views,
    int Inquiries,
    decimal Rating,
    Guid SupplierId,
    string SupplierName,
    DateTime? ListedAt)
{
    /// <summary>Its images as approved (<see cref="ProductImages.Visible"/>): <c>GET /api/catalog/products/{id}/images/{imageId}</c>.</summary>
    public IReadOnlyList<Guid> ImageIds { get; init; } = [];
}
