using Sleek.Workflows.Marketplace.Catalog;
using Sleek.Workflows.Marketplace.Quotes;

namespace Sleek.Workflows.Host.Endpoints.Quotes;

/// <summary>
/// A quote asked for from a catalog product (<c>productId</c>): the product must be listed, and the request must be for
/// its category and at least its MOQ. Errors are keyed by the JSON field, like the rest of the request's.
/// </summary>
internal static class QuoteProducts
{
    public static async Task<(ListedProduct? Product, Dictionary<string, string[]> Errors)> CheckAsync(
        QuoteRequest request, ValidQuoteRequest? valid, ProductCatalog catalog, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.ProductId))
        {
            return (null, errors);
        }

        var product = Guid.TryParse(request.ProductId.Trim(), out var id) ? await catalog.FindListedAsync(id, countView: false, cancellationToken) : null;
        if (product is null)
        {
            errors["productId"] = ["productId is not a listed product"];
            return (null, errors);
        }

        if (valid is not null && valid.Category.Key != product.Category)
        {
            errors["productType"] = [$"productType must be the product's category ({product.Category})"];
        }

        if (valid is not null && valid.Quantity < product.Moq)
        {
            errors["quantity"] = [$"quantity must be at least the product's minimum order of {product.Moq:N0}"];
        }

        return (product, errors);
    }
}
