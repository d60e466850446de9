using System.Text.RegularExpressions;
using Sleek.Workflows.Marketplace.Catalog;
using Sleek.Workflows.Marketplace.Email;

namespace Sleek.Workflows.Marketplace.Quotes;

/// <summary>Every field rule of docs/domain.md's quote request table; errors are keyed by the JSON field name.</summary>
public static partial class QuoteRequestValidator
{
    /// <summary>Longest product type, fabric and name.</summary>
    public const int MaxShortText = 100;

    /// <summary>Longest requirements text.</summary>
    public const int MaxRequirements = 2000;

    /// <summary>Longest email address.</summary>
    public const int MaxEmail = 255;

    /// <summary>Checks a request; all problems are reported at once.</summary>
    /// <param name="request">The request as received.</param>
    /// <param name="today">Today (UTC) for the deadline check; the system clock's when left out.</param>
    public static QuoteValidation Validate(QuoteRequest request, DateOnly? today = null)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        var category = CheckProductType(request.ProductType, Add);
        var quantity = CheckQuantity(request.Quantity, Add);
        if (!QuotePricing.TryParseComplexity(request.Complexity, out var complexity))
        {
            Add("complexity", $"complexity '{request.Complexity}' is not one of simple, medium, complex");
        }

        var fabric = Optional(request.Fabric, "fabric", MaxShortText, Add);
        var requirements = Optional(request.Requirements, "requirements", MaxRequirements, Add);
        var name = Optional(request.Name, "name", MaxShortText, Add);
        var email = CheckEmail(request.Email, Add);
        var needs = OrderRequirementsValidator.Check(request, today ?? DateOnly.FromDateTime(DateTime.UtcNow), Add);

        if (errors.Count > 0)
        {
            return new QuoteValidation(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal), null);
        }

        return new QuoteValidation(new Dictionary<string, string[]>(), new ValidQuoteRequest(category!, quantity, complexity, fabric, requirements, email!, name) { Needs = needs });
    }

    /// <summary>True for a syntactically valid address (one @, a dotted domain with a TLD, no spaces).</summary>
    public static bool IsValidEmail(string email) => email.Length <= MaxEmail && EmailPattern().IsMatch(email);

    /// <summary>The category <paramref name="productType"/> names, or null after reporting why through <paramref name="add"/> (field, message).</summary>
    public static Category? CheckProductType(string? productType, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(productType))
        {
            add("productType", "productType is required");
            return null;
        }

        if (productType.Length > MaxShortText)
        {
            add("productType", $"productType must be at most {MaxShortText} characters (got {productType.Length})");
            return null;
        }

        var category = CategoryCatalog.Find(productType);
        if (category is null)
        {
            add("productType", $"productType '{productType}' is not a category; use one of: {string.Join(", ", CategoryCatalog.Keys)}");
        }

        return category;
    }

    /// <summary>The quantity as whole units, or 0 after reporting why through <paramref name="add"/> (field, message).</summary>
    public static int CheckQuantity(decimal? quantity, Action<string, string> add)
    {
        if (quantity is not { } q)
        {
            add("quantity", "quantity is required");
            return 0;
        }

        if (q != decimal.Truncate(q))
        {
            add("quantity", $"quantity must be a whole number (got {q})");
            return 0;
        }

        if (q < QuotePricing.MinQuantity || q > QuotePricing.MaxQuantity)
        {
            add("quantity", $"quantity must be between {QuotePricing.MinQuantity} and {QuotePricing.MaxQuantity:N0} (got {q})");
            return 0;
        }

        return (int)q;
    }

    private static string? CheckEmail(string? email, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            add("email", "email is required");
            return null;
        }

        var trimmed = email.Trim();
        if (trimmed.Length > MaxEmail)
        {
            add("email", $"email must be at most {MaxEmail} characters (got {trimmed.Length})");
            return null;
        }

        if (!EmailPattern().IsMatch(trimmed))
        {
            add("email", $"email '{trimmed}' is not a valid address");
            return null;
        }

        if (DisposableEmailDomains.IsDisposable(trimmed))
        {
            add("email", "email uses a disposable-mail domain; use a permanent address");
            return null;
        }

        return trimmed;
    }

    private static string? Optional(string? value, string field, int max, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length > max)
        {
            add(field, $"{field} must be at most {max:N0} characters (got {value.Length:N0})");
        }

        return value.Trim();
    }

    // Local part of common address characters without leading, trailing or double dots; a domain of
    // letter/digit labels (inner hyphens) ending in an alphabetic TLD of two or more letters.
    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")]
    private static partial Regex EmailPattern();
}
