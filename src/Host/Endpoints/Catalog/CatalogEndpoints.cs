using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Marketplace.Catalog;

namespace Sleek.Workflows.Host.Endpoints.Catalog;

/// <summary>
/// The buyers' catalog: approved (listed) products only, searched by words (full text on PostgreSQL, LIKE on SQLite),
/// category and largest MOQ; a product page counts a view. Anonymous like the quote form it leads to.
/// </summary>
internal static class CatalogEndpoints
{
    public static void MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalog").WithTags("Catalog");
        group.MapGet("/products", SearchAsync)
            // Anonymous by design: buyers browse before they sign in, as they request quotes (README "Security").
            .AllowAnonymous()
            .WithName("SearchProducts")
            .WithSummary("Listed (approved) products, newest listing first: search (words in title or description), category, maxMoq (products whose MOQ is at most this), paged. Unapproved products are never listed.");
        group.MapGet("/products/{id:guid}", GetAsync)
            .AllowAnonymous()
            .WithName("GetListedProduct")
            .WithSummary("One listed product with its supplier, rating, views and inquiries; counts a view. 404 for an unknown or unapproved product.");
        group.MapGet("/categories", Categories)
            .AllowAnonymous()
            .WithName("ListCategories")
            .WithSummary("The catalog's categories (key and name), in docs/domain.md order.");
    }

    private static async Task<Results<Ok<Page<ListedProduct>>, BadRequestProblem>> SearchAsync(
        string? search, string? category, int? maxMoq, [AsParameters] PageRequest paging, ProductCatalog catalog, CancellationToken cancellationToken)
    {
        if (search is { Length: > ProductSearch.MaxText })
        {
            return Problems.Invalid("search", $"must be at most {ProductSearch.MaxText} characters");
        }

        string? key = null;
        if (!string.IsNullOrWhiteSpace(category))
        {
            key = CategoryCatalog.Find(category)?.Key;
            if (key is null)
            {
                return Problems.Invalid("category", $"is not in the catalog; use one of {string.Join(", ", CategoryCatalog.Keys)}");
            }
        }

        if (maxMoq is < 1)
        {
            return Problems.Invalid("maxMoq", "must be at least 1");
        }

        if (paging.Problem() is { } problem)
        {
            return problem;
        }

        var (items, total) = await catalog.SearchAsync(new ProductSearch(search, key, maxMoq, (paging.Number - 1) * paging.Size, paging.Size), cancellationToken);
        return TypedResults.Ok(new Page<ListedProduct>(items, paging.Number, paging.Size, total));
    }

    private static async Task<Results<Ok<ListedProduct>, NotFoundProblem>> GetAsync(Guid id, ProductCatalog catalog, CancellationToken cancellationToken)
    {
        var product = await catalog.FindListedAsync(id, countView: true, cancellationToken);
        return product is null ? Problems.NotFound($"no listed product has id {id}") : TypedResults.Ok(product);
    }

    private static Ok<IReadOnlyList<CatalogCategory>> Categories() =>
        TypedResults.Ok<IReadOnlyList<CatalogCategory>>([.. CategoryCatalog.All.Select(c => new CatalogCategory(c.Key, c.DisplayName))]);
}

/// <summary>A category a product can be in.</summary>
/// <param name="Key">e.g. t_shirt.</param>
/// <param name="Name">e.g. T-shirt.</param>
internal sealed record CatalogCategory(string Key, string Name);
