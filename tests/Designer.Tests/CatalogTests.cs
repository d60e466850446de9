using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;
using Sleek.Workflows.Designer.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sleek.Workflows.Designer.Tests;

/// <summary>A designer host with the repository's workflows (product-approval, quote-to-delivery) imported at start-up.</summary>
public sealed class CatalogDesignerHost : DesignerHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sleek__WorkflowsDirectory"] = Path.Combine(SourceTree.Root, "workflows"),
    };
}

/// <summary>
/// The product catalog in a real browser, each step by the role that owns it: a supplier lists a product (it waits for
/// review), ops approve it on their task list, a buyer finds it by search and filters, opens it (a view is counted) and
/// asks for a quote from it (with the picture the supplier uploaded): the form comes filled with its category and minimum order, and the quote references the
/// product (an inquiry is counted). axe on each screen, including the empty and the error state.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CatalogTests(BrowserFixture browser, CatalogDesignerHost host) : IClassFixture<CatalogDesignerHost>, IAsyncLifetime
{
    private const string Password = "catalog-tests-Passw0rd!";

    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_supplier_lists_a_product_ops_approve_it_and_a_buyer_finds_it_and_asks_for_a_quote_from_it()
    {
        SetDefaultExpectTimeout(30_000);
        var supplierId = await ScalarAsync("SELECT id::text FROM suppliers ORDER BY name LIMIT 1");
        var supplierEmail = await CreateUserAsync("supplier", supplierId);
        var opsEmail = await CreateUserAsync("ops", null);
        var buyerEmail = await CreateUserAsync("buyer", null);
        var tag = "t" + Guid.NewGuid().ToString("N")[..8];
        var title = $"Organic {tag} hoodie";

        // The supplier adds a product; it goes to review.
        var supplier = await NewPageAsync();
        await supplier.GotoAsync(Url("/my/products"));
        await SignInAsync(supplier, supplierEmail);
        await Expect(supplier).ToHaveURLAsync(new Regex("/my/products$"));
        await Expect(supplier.GetByText("You have no products yet")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousFindingsAsync(supplier, "my products (empty)");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Add a product" }).ClickAsync();
        await supplier.GetByLabel("Category", new() { Exact = true }).SelectOptionAsync("hoodie");
        await supplier.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await supplier.GetByLabel("Description", new() { Exact = true }).FillAsync("Brushed fleece, GOTS certified cotton.");
        await supplier.GetByLabel("Minimum order (pieces)").FillAsync("200");
        await supplier.GetByLabel("Lead time (days)").FillAsync("40");
        await supplier.GetByLabel("Base price per piece (USD)").FillAsync("12.50");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Send for review" }).ClickAsync();
        await Expect(supplier.GetByTestId("product-status")).ToContainTextAsync("sent for review");
        var card = supplier.GetByTestId("my-products").GetByRole(AriaRole.Listitem).Filter(new() { HasText = title });
        await Expect(card).ToContainTextAsync("pending");
        // A picture through the file store (its type read from the bytes).
        await card.GetByLabel("Add a picture (PNG, JPEG or WebP)").SetInputFilesAsync(new FilePayload { Name = "front.png", MimeType = "image/png", Buffer = TinyPng });
        await Expect(card.GetByTestId("product-image-names")).ToHaveTextAsync("front.png");
        await Accessibility.AssertNoSeriousFindingsAsync(supplier, "my products");

        // Not listed yet: the catalog does not show it.
        var buyer = await NewPageAsync();
        await buyer.GotoAsync(Url("/catalog"));
        await buyer.GetByLabel("Search", new() { Exact = true }).FillAsync(tag);
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(buyer.GetByText("No product matches")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousFindingsAsync(buyer, "catalog (empty)");

        // Ops approve it on their task list.
        var ops = await NewPageAsync();
        await ops.GotoAsync(Url("/tasks"));
        await SignInAsync(ops, opsEmail);
        var task = ops.GetByRole(AriaRole.Form, new() { Name = $"Task Review product: {title}" });
        await Expect(task).ToContainTextAsync("MOQ: 200 units");
        await Accessibility.AssertNoSeriousFindingsAsync(ops, "ops tasks");
        await task.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(ops.GetByRole(AriaRole.Status).Filter(new() { HasText = "with Approve" })).ToBeVisibleAsync();
        await supplier.ReloadAsync();
        await Expect(card).ToContainTextAsync("approved");
        await Expect(card).ToContainTextAsync("listed");

        // The buyer finds it by words, category and MOQ, and opens it: a view is counted.
        await buyer.GotoAsync(Url("/sign-in?next=%2Fcatalog"));
        await SignInAsync(buyer, buyerEmail);
        await Expect(buyer).ToHaveURLAsync(new Regex("/catalog$"));
        await buyer.GetByLabel("Search", new() { Exact = true }).FillAsync($"organic {tag}");
        await buyer.GetByLabel("Category", new() { Exact = true }).SelectOptionAsync("hoodie");
        await buyer.GetByLabel("Minimum order at most").FillAsync("199");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(buyer.GetByText("No product matches")).ToBeVisibleAsync();
        await buyer.GetByLabel("Minimum order at most").FillAsync("500");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var listed = buyer.GetByTestId("product-list").GetByRole(AriaRole.Listitem);
        await Expect(listed).ToHaveCountAsync(1);
        await Expect(listed).ToContainTextAsync("12.50 USD");
        await Accessibility.AssertNoSeriousFindingsAsync(buyer, "catalog");
        await listed.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(buyer.GetByTestId("product-views")).ToHaveTextAsync("1");
        await Expect(buyer.GetByTestId("product-images").GetByRole(AriaRole.Img)).ToHaveCountAsync(1);
        await Expect(buyer.GetByTestId("product-inquiries")).ToHaveTextAsync("0");
        await Accessibility.AssertNoSeriousFindingsAsync(buyer, "product page");

        // Ask for a quote from it: the form is filled with the product's category and MOQ; the quote references it.
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Ask for a quote" }).ClickAsync();
        await Expect(buyer.GetByTestId("quote-product")).ToContainTextAsync(title);
        await Expect(buyer.GetByLabel("Product", new() { Exact = true })).ToHaveValueAsync("hoodie");
        await Expect(buyer.GetByLabel("Quantity (50 to 100,000 pieces)")).ToHaveValueAsync("200");
        await buyer.GetByLabel("Your email").FillAsync(buyerEmail);
        await Accessibility.AssertNoSeriousFindingsAsync(buyer, "quote form from a product");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Get a quote" }).ClickAsync();
        await Expect(buyer.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Your quote Q-") })).ToBeVisibleAsync();
        var productId = await ScalarAsync($"SELECT id::text FROM products WHERE title = '{title}'");
        Assert.Equal(productId, await ScalarAsync($"SELECT product_id::text FROM quotes WHERE email = '{buyerEmail}'"));
        await buyer.GotoAsync(Url($"/catalog/{productId}"));
        await Expect(buyer.GetByTestId("product-inquiries")).ToHaveTextAsync("1");

        // An unknown product: the error state in words.
        await buyer.GotoAsync(Url($"/catalog/{Guid.NewGuid()}"));
        await Expect(buyer.GetByRole(AriaRole.Alert)).ToContainTextAsync("This product is not available");
        await Accessibility.AssertNoSeriousFindingsAsync(buyer, "product page (not found)");
    }

    /// <summary>A valid 1×1 PNG.</summary>
    private static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private string Url(string path) => new Uri(host.BaseAddress, path).ToString();

    private async Task<IPage> NewPageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private async Task<string> CreateUserAsync(string role, string? partyId)
    {
        var email = $"{role}-{Guid.NewGuid():N}@catalog.test";
        using var created = await host.Host.Client.PostAsJsonAsync(new Uri("/api/users", UriKind.Relative), new { email, password = Password, role, partyId });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return email;
    }

    private async Task<string> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
