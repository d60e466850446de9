namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>
/// The one input shape of <c>rules/supplier-eligibility.json</c>: an order and one supplier, as
/// <c>input1.Order</c> and <c>input1.Supplier</c>. Keys are normalised (categories and certifications
/// lower case, countries upper case) so rules can compare them with <c>Contains</c>.
/// </summary>
/// <param name="Order">The order being assigned.</param>
/// <param name="Supplier">The supplier being judged.</param>
public sealed record SupplierRuleInput(OrderFacts Order, SupplierProfile Supplier)
{
    /// <summary>Builds the input with normalised keys.</summary>
    public static SupplierRuleInput Create(OrderFacts order, SupplierProfile supplier) => new(
        order with
        {
            ProductType = Key(order.ProductType),
            RequiredCertifications = [.. order.RequiredCertifications.Select(Key)],
            AllowedCountries = [.. order.AllowedCountries.Select(Country)],
            BlockedCountries = [.. order.BlockedCountries.Select(Country)],
        },
        supplier with
        {
            Country = Country(supplier.Country),
            Categories = [.. supplier.Categories.Select(Key)],
            Certifications = [.. supplier.Certifications.Select(Key)],
        });

    /// <summary>A category or certification key: trimmed, lower case, spaces and hyphens as <c>_</c>.</summary>
    public static string Key(string value) => value.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    private static string Country(string value) => value.Trim().ToUpperInvariant();
}
