using System.Globalization;
using System.Text.RegularExpressions;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Marketplace.Quotes;

/// <summary>
/// Checks the requirement fields of a quote request (<c>neededBy</c>, <c>requiredCertifications</c>,
/// <c>allowedCountries</c>, <c>blockedCountries</c>); errors are keyed by the JSON field name.
/// </summary>
public static partial class OrderRequirementsValidator
{
    /// <summary>Most certifications one request may require.</summary>
    public const int MaxCertifications = 10;

    /// <summary>Longest certification name.</summary>
    public const int MaxCertificationLength = 50;

    /// <summary>Most countries in either list.</summary>
    public const int MaxCountries = 60;

    /// <summary>How far ahead a deadline may be.</summary>
    public const int MaxDaysAhead = 730;

    /// <summary>The normalised requirements, after reporting every problem through <paramref name="add"/> (field, message).</summary>
    public static OrderRequirements Check(QuoteRequest request, DateOnly today, Action<string, string> add)
    {
        DateOnly? neededBy = null;
        if (!string.IsNullOrWhiteSpace(request.NeededBy))
        {
            if (!DateOnly.TryParseExact(request.NeededBy.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                add("neededBy", $"neededBy '{request.NeededBy}' is not a date written yyyy-MM-dd");
            }
            else if (date <= today)
            {
                add("neededBy", $"neededBy must be after today ({today:yyyy-MM-dd})");
            }
            else if (date > today.AddDays(MaxDaysAhead))
            {
                add("neededBy", $"neededBy must be within {MaxDaysAhead} days of today");
            }
            else
            {
                neededBy = date;
            }
        }

        var certifications = Certifications(request.RequiredCertifications, add);
        var allowed = Countries(request.AllowedCountries, "allowedCountries", add);
        var blocked = Countries(request.BlockedCountries, "blockedCountries", add);
        var both = allowed.Intersect(blocked, StringComparer.Ordinal).ToList();
        if (both.Count > 0)
        {
            add("blockedCountries", $"{string.Join(", ", both)} cannot be both allowed and blocked");
        }

        return new OrderRequirements { NeededBy = neededBy, RequiredCertifications = certifications, AllowedCountries = allowed, BlockedCountries = blocked };
    }

    private static List<string> Certifications(IReadOnlyList<string?>? values, Action<string, string> add)
    {
        var result = new List<string>();
        if (values is null)
        {
            return result;
        }

        if (values.Count > MaxCertifications)
        {
            add("requiredCertifications", $"requiredCertifications may name at most {MaxCertifications} certifications (got {values.Count})");
            return result;
        }

        foreach (var value in values)
        {
            var trimmed = value?.Trim() ?? "";
            if (trimmed.Length is 0 or > MaxCertificationLength || !CertificationPattern().IsMatch(trimmed))
            {
                add("requiredCertifications", $"'{Shown(value)}' is not a certification name (1-{MaxCertificationLength} letters, digits, spaces, hyphens, underscores or dots)");
                continue;
            }

            var key = SupplierRuleInput.Key(trimmed);
            if (!result.Contains(key))
            {
                result.Add(key);
            }
        }

        return result;
    }

    private static List<string> Countries(IReadOnlyList<string?>? values, string field, Action<string, string> add)
    {
        var result = new List<string>();
        if (values is null)
        {
            return result;
        }

        if (values.Count > MaxCountries)
        {
            add(field, $"{field} may name at most {MaxCountries} countries (got {values.Count})");
            return result;
        }

        foreach (var value in values)
        {
            var code = value?.Trim().ToUpperInvariant() ?? "";
            if (!CountryPattern().IsMatch(code))
            {
                add(field, $"'{Shown(value)}' is not a two-letter ISO country code such as PT or VN");
                continue;
            }

            if (!result.Contains(code))
            {
                result.Add(code);
            }
        }

        return result;
    }

    private static string Shown(string? value) => value is null ? "null" : value.Length > 60 ? value[..60] + "…" : value;

    // Underscores too: the stored keys (oeko_tex) come back through the workflow and must pass again.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 ._\-]*$")]
    private static partial Regex CertificationPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();
}
