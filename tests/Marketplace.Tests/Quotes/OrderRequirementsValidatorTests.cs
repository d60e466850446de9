using Sleek.Workflows.Marketplace.Quotes;

namespace Sleek.Workflows.Marketplace.Tests.Quotes;

/// <summary>The requirement fields of a quote request: what a careless or malicious buyer might send is refused naming the field.</summary>
public sealed class OrderRequirementsValidatorTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static readonly QuoteRequest Valid = new() { ProductType = "t_shirt", Quantity = 150, Email = "buyer@brand.example.com" };

    [Fact]
    public void Requirements_are_normalised()
    {
        var validation = QuoteRequestValidator.Validate(
            Valid with { NeededBy = "2026-05-01", RequiredCertifications = ["OEKO-TEX", "gots", "GOTS"], AllowedCountries = ["pt", " es "], BlockedCountries = ["cn"] }, Today);

        Assert.True(validation.IsValid, string.Join("; ", validation.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        var needs = validation.Request!.Needs;
        Assert.Equal(new DateOnly(2026, 5, 1), needs.NeededBy);
        Assert.Equal(["oeko_tex", "gots"], needs.RequiredCertifications);
        Assert.Equal(["PT", "ES"], needs.AllowedCountries);
        Assert.Equal(["CN"], needs.BlockedCountries);

        // The workflow validates the stored request again (CreateQuote): the normalised keys must pass unchanged.
        var again = QuoteRequestValidator.Validate(
            Valid with { NeededBy = "2026-05-01", RequiredCertifications = [.. needs.RequiredCertifications], AllowedCountries = [.. needs.AllowedCountries], BlockedCountries = [.. needs.BlockedCountries] }, Today);
        Assert.True(again.IsValid, string.Join("; ", again.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        Assert.Equal(needs.RequiredCertifications, again.Request!.Needs.RequiredCertifications);
    }

    [Fact]
    public void Leaving_them_out_means_no_requirement() =>
        Assert.Equal(OrderRequirements.None with { }, QuoteRequestValidator.Validate(Valid, Today).Request!.Needs with { RequiredCertifications = [], AllowedCountries = [], BlockedCountries = [] });

    public static TheoryData<string, QuoteRequest> Refused => new()
    {
        { "neededBy", Valid with { NeededBy = "01/05/2026" } },
        { "neededBy", Valid with { NeededBy = "2026-02-30" } },
        { "neededBy", Valid with { NeededBy = "2026-03-01" } },
        { "neededBy", Valid with { NeededBy = "2030-01-01" } },
        { "requiredCertifications", Valid with { RequiredCertifications = ["<script>"] } },
        { "requiredCertifications", Valid with { RequiredCertifications = [null] } },
        { "requiredCertifications", Valid with { RequiredCertifications = [new string('x', 51)] } },
        { "requiredCertifications", Valid with { RequiredCertifications = [.. Enumerable.Range(0, 11).Select(i => $"cert{i}")] } },
        { "allowedCountries", Valid with { AllowedCountries = ["Portugal"] } },
        { "allowedCountries", Valid with { AllowedCountries = ["../"] } },
        { "blockedCountries", Valid with { BlockedCountries = ["1"] } },
        { "blockedCountries", Valid with { AllowedCountries = ["PT"], BlockedCountries = ["pt"] } },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Bad_requirements_are_refused_naming_the_field(string field, QuoteRequest request)
    {
        var validation = QuoteRequestValidator.Validate(request, Today);
        Assert.False(validation.IsValid);
        Assert.Equal([field], validation.Errors.Keys);
    }
}
