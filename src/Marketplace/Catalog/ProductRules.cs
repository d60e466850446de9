namespace Sleek.Workflows.Marketplace.Catalog;

/// <summary>The field rules of a product (docs/domain.md, "Products"); errors are keyed by the JSON field name.</summary>
public static class ProductRules
{
    /// <summary>The only currency prices are kept in (docs/domain.md: prices are USD).</summary>
    public const string Currency = "USD";

    /// <summary>Shortest title.</summary>
    public const int MinTitle = 3;

    /// <summary>Longest title.</summary>
    public const int MaxTitle = 120;

    /// <summary>Longest description.</summary>
    public const int MaxDescription = 4000;

    /// <summary>Largest MOQ.</summary>
    public const int MaxMoq = 100_000;

    /// <summary>Largest base price per unit.</summary>
    public const decimal MaxPrice = 100_000m;

    /// <summary>Longest lead time in days.</summary>
    public const int MaxLeadTime = 365;

    /// <summary>Checks a draft; every problem is reported at once. Valid: <c>errors</c> is empty and the result is set.</summary>
    public static ValidProductDraft? Validate(ProductDraft draft, out IReadOnlyDictionary<string, string[]> errors)
    {
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!found.TryGetValue(field, out var list))
            {
                found[field] = list = [];
            }

            list.Add(message);
        }

        var category = CategoryCatalog.Find(draft.Category);
        if (string.IsNullOrWhiteSpace(draft.Category))
        {
            Add("category", "category is required");
        }
        else if (category is null)
        {
            Add("category", $"category '{Cut(draft.Category)}' is not in the catalog; use one of {string.Join(", ", CategoryCatalog.Keys)}");
        }

        var title = draft.Title?.Trim() ?? "";
        if (title.Length < MinTitle || title.Length > MaxTitle)
        {
            Add("title", $"title must be {MinTitle}–{MaxTitle} characters (got {title.Length})");
        }

        var description = draft.Description?.Trim() ?? "";
        if (description.Length > MaxDescription)
        {
            Add("description", $"description must be at most {MaxDescription:N0} characters (got {description.Length:N0})");
        }

        var moq = Whole(draft.Moq, "moq", 1, MaxMoq, Add);
        var leadTime = Whole(draft.LeadTimeDays, "leadTimeDays", 1, MaxLeadTime, Add);

        var price = draft.BasePrice ?? 0m;
        if (draft.BasePrice is null)
        {
            Add("basePrice", "basePrice is required");
        }
        else if (price <= 0 || price > MaxPrice)
        {
            Add("basePrice", $"basePrice must be more than 0 and at most {MaxPrice:N0} (got {price})");
        }
        else if (decimal.Round(price, 2) != price)
        {
            // Money is fixed point: a base price is whole cents, never rounded for the supplier.
            Add("basePrice", $"basePrice must have at most 2 decimals (got {price})");
        }

        var currency = string.IsNullOrWhiteSpace(draft.Currency) ? Currency : draft.Currency.Trim().ToUpperInvariant();
        if (currency != Currency)
        {
            Add("currency", $"currency '{Cut(draft.Currency!)}' is not supported; prices are in {Currency}");
        }

        errors = found.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        return found.Count > 0 ? null : new ValidProductDraft(category!.Key, title, description, moq, price, currency, leadTime);
    }

    private static int Whole(decimal? value, string field, int min, int max, Action<string, string> add)
    {
        if (value is not { } v)
        {
            add(field, $"{field} is required");
            return 0;
        }

        if (v != decimal.Truncate(v) || v < min || v > max)
        {
            add(field, $"{field} must be a whole number from {min} to {max:N0} (got {v})");
            return 0;
        }

        return (int)v;
    }

    private static string Cut(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
