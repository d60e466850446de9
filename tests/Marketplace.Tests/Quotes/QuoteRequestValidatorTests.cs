using Sleek.Workflows.Marketplace.Email;
using Sleek.Workflows.Marketplace.Quotes;

namespace Sleek.Workflows.Marketplace.Tests.Quotes;

public sealed class QuoteRequestValidatorTests
{
    private static readonly QuoteRequest Valid = new() { ProductType = "t_shirt", Quantity = 150, Email = "buyer@brand.example.com" };

    private static string[] ErrorsOf(QuoteRequest request, string field)
    {
        var validation = QuoteRequestValidator.Validate(request);
        Assert.False(validation.IsValid, $"expected an error on {field}");
        Assert.True(validation.Errors.ContainsKey(field), $"expected an error on {field}, got: {string.Join("; ", validation.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))}");
        Assert.Single(validation.Errors);
        return validation.Errors[field];
    }

    [Fact]
    public void Valid_request_is_normalized_with_medium_default()
    {
        var validation = QuoteRequestValidator.Validate(Valid with { Fabric = "  cotton ", Name = " " });
        Assert.True(validation.IsValid);
        var request = validation.Request!;
        Assert.Equal(("t_shirt", 150, Complexity.Medium, "cotton", null as string), (request.Category.Key, request.Quantity, request.Complexity, request.Fabric, request.Name));
        Assert.Empty(validation.Errors);
    }

    [Theory]
    [InlineData("T-Shirt")]
    [InlineData("t shirt")]
    [InlineData("  T_SHIRT ")]
    [InlineData("t - shirt")]
    public void Product_type_is_case_insensitive_with_spaces_and_hyphens_as_underscores(string productType)
    {
        var validation = QuoteRequestValidator.Validate(Valid with { ProductType = productType });
        Assert.True(validation.IsValid);
        Assert.Equal("t_shirt", validation.Request!.Category.Key);
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("   ", "required")]
    [InlineData("spaceship", "is not a category")]
    public void Bad_product_type(string? productType, string message) =>
        Assert.Contains(message, ErrorsOf(Valid with { ProductType = productType }, "productType")[0], StringComparison.Ordinal);

    [Fact]
    public void Product_type_of_101_characters_is_too_long() =>
        Assert.Contains("at most 100", ErrorsOf(Valid with { ProductType = new string('a', 101) }, "productType")[0], StringComparison.Ordinal);

    [Theory]
    [InlineData(49)]
    [InlineData(100_001)]
    [InlineData(-5)]
    [InlineData(0)]
    public void Quantity_out_of_range(int quantity) =>
        Assert.Contains("between 50 and 100,000", ErrorsOf(Valid with { Quantity = quantity }, "quantity")[0], StringComparison.Ordinal);

    [Fact]
    public void Quantity_must_be_whole() =>
        Assert.Contains("whole number", ErrorsOf(Valid with { Quantity = 150.5m }, "quantity")[0], StringComparison.Ordinal);

    [Fact]
    public void Quantity_is_required() => ErrorsOf(Valid with { Quantity = null }, "quantity");

    [Theory]
    [InlineData(50)]
    [InlineData(100_000)]
    public void Quantity_bounds_are_inclusive(int quantity) => Assert.True(QuoteRequestValidator.Validate(Valid with { Quantity = quantity }).IsValid);

    [Fact]
    public void Unknown_complexity_is_refused() =>
        Assert.Contains("'extreme'", ErrorsOf(Valid with { Complexity = "extreme" }, "complexity")[0], StringComparison.Ordinal);

    [Fact]
    public void Fabric_of_101_characters_is_refused_and_100_accepted()
    {
        ErrorsOf(Valid with { Fabric = new string('f', 101) }, "fabric");
        Assert.True(QuoteRequestValidator.Validate(Valid with { Fabric = new string('f', 100) }).IsValid);
    }

    [Fact]
    public void Requirements_of_2001_characters_are_refused_and_2000_accepted()
    {
        ErrorsOf(Valid with { Requirements = new string('r', 2001) }, "requirements");
        Assert.True(QuoteRequestValidator.Validate(Valid with { Requirements = new string('r', 2000) }).IsValid);
    }

    [Fact]
    public void Name_of_101_characters_is_refused_and_100_accepted()
    {
        ErrorsOf(Valid with { Name = new string('n', 101) }, "name");
        Assert.True(QuoteRequestValidator.Validate(Valid with { Name = new string('n', 100) }).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("plainaddress")]
    [InlineData("@no-local.com")]
    [InlineData("two@@example.com")]
    [InlineData("a@b")]
    [InlineData("spaces in@example.com")]
    [InlineData("dot..dot@example.com")]
    [InlineData("trailing.@example.com")]
    [InlineData("user@-bad.com")]
    [InlineData("user@example.c")]
    [InlineData("Name <user@example.com>")]
    public void Bad_emails_are_refused(string? email) => ErrorsOf(Valid with { Email = email }, "email");

    [Fact]
    public void Email_of_256_characters_is_refused_and_255_accepted()
    {
        // Labels of at most 63 characters, so only the length can be wrong.
        var email255 = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 3)) + "." + new string('c', 7);
        Assert.Equal(255, email255.Length);
        Assert.True(QuoteRequestValidator.Validate(Valid with { Email = email255 }).IsValid);
        Assert.Contains("at most 255", ErrorsOf(Valid with { Email = "a" + email255 }, "email")[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("someone@mailinator.com")]
    [InlineData("someone@MAILINATOR.COM")]
    [InlineData("someone@inbox.mailinator.com")]
    [InlineData("x@guerrillamail.com")]
    [InlineData("x@10minutemail.com")]
    [InlineData("x@tempmail.com")]
    [InlineData("x@yopmail.com")]
    [InlineData("x@trashmail.com")]
    [InlineData("x@throwawaymail.com")]
    [InlineData("x@getnada.com")]
    [InlineData("x@maildrop.cc")]
    [InlineData("x@sharklasers.com")]
    [InlineData("x@dispostable.com")]
    [InlineData("x@a.b.fakeinbox.com")]
    public void Disposable_domains_and_their_subdomains_are_refused(string email) =>
        Assert.Contains("disposable", ErrorsOf(Valid with { Email = email }, "email")[0], StringComparison.Ordinal);

    [Theory]
    [InlineData("x@notmailinator.com")]
    [InlineData("x@mailinator.com.example.org")]
    public void Lookalike_domains_are_not_disposable(string email) => Assert.False(DisposableEmailDomains.IsDisposable(email));

    [Fact]
    public void All_problems_are_reported_at_once()
    {
        var validation = QuoteRequestValidator.Validate(new QuoteRequest { ProductType = "", Quantity = 10, Complexity = "extreme", Email = "nope" });
        Assert.Equal(["complexity", "email", "productType", "quantity"], validation.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
