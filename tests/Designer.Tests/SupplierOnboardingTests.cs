using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sleek.Workflows.Designer.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sleek.Workflows.Designer.Tests;

/// <summary>A designer host with the repository's workflows (supplier-onboarding among them).</summary>
public sealed class OnboardingHost : DesignerHost
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Sleek__WorkflowsDirectory"] = Path.Combine(SourceTree.Root, "workflows"),
    };
}

/// <summary>
/// In Chromium: a factory signs up on /supplier/signup, uploads its business licence (with the progress bar) and submits
/// it; ops find it on /ops/suppliers, open its page, see the document and approve it with a reason; the supplier's page
/// then says verified. axe-core on each screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SupplierOnboardingTests(BrowserFixture browser, OnboardingHost host) : IClassFixture<OnboardingHost>
{
    private const string Password = "onboarding-Passw0rd!";

    [Fact]
    public async Task A_supplier_signs_up_and_uploads_a_document_and_ops_verify_it()
    {
        SetDefaultExpectTimeout(30_000);
        var company = $"Braga Knit {Guid.NewGuid().ToString("N")[..6]}";
        var email = $"factory-{Guid.NewGuid():N}@onboarding.test";

        await using var supplierContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "en-US" });
        var page = await supplierContext.NewPageAsync();
        await page.GotoAsync(Url("/supplier/signup"));
        await page.GetByLabel("Company name").FillAsync(company);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password").FillAsync(Password);
        await page.GetByLabel("Country (2-letter code, e.g. PT)").FillAsync("PT");
        await page.GetByLabel("Specialties (product categories, comma separated, e.g. t_shirt, hoodie)").FillAsync("t_shirt, hoodie");
        await page.GetByLabel("Certifications (comma separated, e.g. OEKO-TEX, GOTS)").FillAsync("GOTS");
        await Accessibility.AssertNoSeriousFindingsAsync(page, "supplier sign-up");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/supplier/onboarding$"));
        await Expect(page.GetByTestId("verification-status")).ToHaveTextAsync("Pending verification");

        var pdf = new byte[50_000];
        "%PDF-1.7\n"u8.CopyTo(pdf);
        await page.GetByTestId("document-file").SetInputFilesAsync(new FilePayload { Name = "licence.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(page.GetByTestId("document-list")).ToContainTextAsync("licence.pdf");
        // A file that only claims to be a PDF is refused in words.
        await page.GetByTestId("document-file").SetInputFilesAsync(new FilePayload { Name = "fake.pdf", MimeType = "application/pdf", Buffer = "MZ not a pdf"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not an image or PDF");
        await Accessibility.AssertNoSeriousFindingsAsync(page, "supplier onboarding");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for verification" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Submitted");

        // Ops: the list, the supplier's page, the verification task.
        var opsEmail = await CreateUserAsync("ops");
        await using var opsContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "en-US" });
        var ops = await opsContext.NewPageAsync();
        await ops.GotoAsync(Url("/sign-in?next=/ops/suppliers"));
        await ops.GetByLabel("Email").FillAsync(opsEmail);
        await ops.GetByLabel("Password").FillAsync(Password);
        await ops.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(ops).ToHaveURLAsync(new Regex("/ops/suppliers$"));
        await ops.GetByLabel("Search", new() { Exact = true }).FillAsync(company);
        await ops.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(ops.GetByTestId("supplier-list").Locator("tbody tr")).ToHaveCountAsync(1);
        await Accessibility.AssertNoSeriousFindingsAsync(ops, "ops supplier list");
        await ops.GetByRole(AriaRole.Link, new() { Name = company }).ClickAsync();
        await Expect(ops.GetByTestId("document-list")).ToContainTextAsync("licence.pdf");
        await Expect(ops.GetByText($"Verify supplier {company}")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousFindingsAsync(ops, "ops supplier page");
        await ops.GetByLabel("Reason (sent to the supplier)").FillAsync("Licence checked");
        await ops.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(ops.GetByTestId("verification-status")).ToHaveTextAsync("Verified");

        await page.ReloadAsync();
        await Expect(page.GetByTestId("verification-status")).ToHaveTextAsync("Verified");
    }

    private string Url(string path) => new Uri(host.BaseAddress, path).ToString();

    private async Task<string> CreateUserAsync(string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@onboarding.test";
        using var created = await host.Host.Client.PostAsJsonAsync(new Uri("/api/users", UriKind.Relative), new { email, password = Password, role });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return email;
    }
}
