using System.Net.Mail;
using Sleek.Workflows.Marketplace.Catalog;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Host.Endpoints.Suppliers;

/// <summary>Checks a supplier profile field by field (every problem named) and copies a valid one onto the entity.</summary>
public static class SupplierValidation
{
    /// <summary>The most certificates one supplier lists.</summary>
    public const int MaxCertificates = 30;

    /// <summary>Problems by field (JSON names, <c>certificates[2].name</c>); empty when the body is valid.</summary>
    public static Dictionary<string, string[]> Check(SupplierBody? body, string prefix = "")
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[prefix + field] = [message];
        if (body is null)
        {
            Add("body", "is required");
            return errors;
        }

        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Trim().Length > 200)
        {
            Add("name", "is required, at most 200 characters");
        }

        if (!IsEmail(body.Email))
        {
            Add("email", "must be an e-mail address");
        }

        if (body.ContactName is { Length: > 100 })
        {
            Add("contactName", "must be at most 100 characters");
        }

        if (body.Phone is { } phone && (phone.Length > 40 || phone.Any(c => !(char.IsDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.'))))
        {
            Add("phone", "must be a phone number (digits, spaces, + - ( ) .), at most 40 characters");
        }

        if (body.Country is not { Length: 2 } country || !country.All(char.IsAsciiLetter))
        {
            Add("country", "must be an ISO 3166 alpha-2 code, e.g. PT");
        }

        if (body.Categories is not { Count: > 0 } categories)
        {
            Add("categories", "must name at least one product category");
        }
        else if (categories.FirstOrDefault(c => CategoryCatalog.Find(c) is null) is { } unknown)
        {
            Add("categories", $"'{Printable(unknown)}' is not a product category; one of {string.Join(", ", CategoryCatalog.Keys)}");
        }

        var certificates = body.Certificates ?? [];
        if (certificates.Count > MaxCertificates)
        {
            Add("certificates", $"must list at most {MaxCertificates}");
        }

        for (var i = 0; i < certificates.Count && i < MaxCertificates; i++)
        {
            if (certificates[i] is not { Name: { } name } || string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
            {
                Add($"certificates[{i}].name", "is required, at most 100 characters");
            }
        }

        if (body.Capacity is not (>= 1 and <= 100_000))
        {
            Add("capacity", "must be between 1 and 100000 orders");
        }

        if (body.Moq is not (>= 1 and <= 1_000_000))
        {
            Add("moq", "must be between 1 and 1000000");
        }

        if (body.MaxOrderQuantity is { } max && (max > 10_000_000 || (body.Moq is { } moq && max < moq)))
        {
            Add("maxOrderQuantity", "must be at least moq and at most 10000000");
        }

        if (body.LeadTimeDays is { } lead && lead is < 1 or > 365)
        {
            Add("leadTimeDays", "must be between 1 and 365 days");
        }

        return errors;
    }

    /// <summary>Copies a checked body onto the supplier and returns its certificates (replacing the old ones).</summary>
    public static List<SupplierCertificate> Apply(SupplierBody body, Supplier supplier, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(supplier);
        supplier.Name = body.Name!.Trim();
        supplier.Email = body.Email!.Trim();
        supplier.ContactName = string.IsNullOrWhiteSpace(body.ContactName) ? null : body.ContactName.Trim();
        supplier.Phone = string.IsNullOrWhiteSpace(body.Phone) ? null : body.Phone.Trim();
        supplier.Country = body.Country!.ToUpperInvariant();
        supplier.Categories = [.. body.Categories!.Select(c => CategoryCatalog.Find(c)!.Key).Distinct()];
        supplier.Capacity = body.Capacity!.Value;
        supplier.Moq = body.Moq!.Value;
        supplier.MaxOrderQuantity = body.MaxOrderQuantity;
        supplier.LeadTimeDays = body.LeadTimeDays ?? supplier.LeadTimeDays;
        var certificates = (body.Certificates ?? []).Select(c => new SupplierCertificate
        {
            SupplierId = supplier.Id,
            Name = c.Name!.Trim(),
            ExpiresOn = c.ExpiresOn,
            DocumentId = c.DocumentId,
        }).ToList();
        // The rules read this list: the certificates not expired today (the certificate watch removes later expiries).
        supplier.Certifications = [.. certificates.Where(c => !SupplierCertificates.IsExpired(c, today)).Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase)];
        return certificates;
    }

    private static bool IsEmail(string? value) =>
        value is { Length: > 3 and <= 255 } && MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim();

    private static string Printable(string value) => value.Length > 50 ? value[..50] + "…" : value;
}
