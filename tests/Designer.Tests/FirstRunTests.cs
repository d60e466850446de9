using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sleek.Workflows.Designer.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sleek.Workflows.Designer.Tests;

/// <summary>
/// The first minute in Chromium against a host started with no Auth__* setting: the sign-in screen says what to do,
/// the console's setup link creates the admin and lands signed in on the workflow list, and the link is refused
/// afterwards. Registration and the quote form work without an account. Every screen passes axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstRunTests(BrowserFixture browser, FirstRunHost host) : IClassFixture<FirstRunHost>, IAsyncLifetime
{
    private const string Password = "first-admin-Passw0rd";
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(20_000);
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "en-US" });
        _context.SetDefaultTimeout(20_000);
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task The_console_link_creates_the_admin_who_lands_signed_in_and_the_link_is_refused_afterwards()
    {
        // Someone opens the designer first: the sign-in screen says where the setup link is.
        await GotoAsync("/");
        await Expect(_page).ToHaveURLAsync(new Regex("/sign-in"));
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "No admin account yet" })).ToBeVisibleAsync();
        await Expect(_page.GetByText("Look at the console of the host you started")).ToBeVisibleAsync();
        await Expect(_page.GetByText("set Auth__BootstrapToken instead", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Link, new() { Name = "Ask for a quote (no account needed)" })).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Link, new() { Name = "Create an account (buyers and suppliers)" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousFindingsAsync(_page, "sign-in (no admin yet)");
        await ScreenshotAsync("10-sign-in-no-admin");

        // The link from the console.
        var (url, token) = await SetupLinkOutput.WaitForAsync(host.Host);
        await _page.GotoAsync(url);
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Set up Sleek Workflows" })).ToBeVisibleAsync();
        await _page.GetByLabel("Your name").FillAsync("Ada Admin");
        await _page.GetByLabel("Email", new() { Exact = true }).FillAsync("ada.admin@example.com");

        // The rules, checked as the person types.
        var rules = _page.GetByRole(AriaRole.List, new() { Name = "Password rules" });
        await _page.GetByLabel("Password", new() { Exact = true }).FillAsync("short");
        await Expect(rules).ToContainTextAsync("At least 12 characters (now 5): not met yet");
        await Expect(rules).ToContainTextAsync("Both passwords are the same: not met yet");
        await _page.GetByLabel("Confirm password").FillAsync("short");
        await Expect(rules).ToContainTextAsync("Both passwords are the same: met");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Create admin and sign in" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The password does not meet the rules below yet.");
        await _page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await _page.GetByLabel("Confirm password").FillAsync(Password);
        await Expect(rules).ToContainTextAsync($"At least 12 characters (now {Password.Length}): met");
        await Expect(rules).ToContainTextAsync("Both passwords are the same: met");
        await Accessibility.AssertNoSeriousFindingsAsync(_page, "setup");
        await ScreenshotAsync("11-setup");

        // Created and signed in: the workflow list.
        await _page.GetByRole(AriaRole.Button, new() { Name = "Create admin and sign in" }).ClickAsync();
        await Expect(_page).ToHaveURLAsync(new Regex("/$"));
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Workflows" })).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Row).Filter(new() { HasText = "quote-to-delivery" })).ToBeVisibleAsync();

        // The same link again, reloaded: setup is done.
        await _page.GotoAsync(url);
        await _page.ReloadAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Setup is done" })).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Create admin and sign in" })).ToHaveCountAsync(0);
        await Expect(_page.GetByRole(AriaRole.Link, new() { Name = "open the workflows" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousFindingsAsync(_page, "setup (done)");
        await ScreenshotAsync("12-setup-done");

        // And the API refuses the spent link.
        using var again = await host.Host.Client.PostAsJsonAsync(new Uri("/api/setup/admin", UriKind.Relative), new { token, email = "mallory@example.com", password = Password });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // The admin signs in again like anyone else.
        await _page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await _page.GetByLabel("Email").FillAsync("ada.admin@example.com");
        await _page.GetByLabel("Password").FillAsync(Password);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Workflows" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Without_an_account_a_buyer_registers_and_anyone_asks_for_a_priced_quote()
    {
        // Registration, linked from the sign-in screen.
        await GotoAsync("/sign-in");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Create an account (buyers and suppliers)" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Create an account" })).ToBeVisibleAsync();
        await _page.GetByLabel("Name or company").FillAsync("Ada Apparel");
        await _page.GetByLabel("Email", new() { Exact = true }).FillAsync("buyer@ada-apparel.example.com");
        await _page.GetByLabel("Password", new() { Exact = true }).FillAsync("buyer-password-123");
        await _page.GetByLabel("Confirm password").FillAsync("buyer-password-123");
        await Accessibility.AssertNoSeriousFindingsAsync(_page, "register");
        await ScreenshotAsync("13-register");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your buyer account is ready.");

        // A second registration with the same e-mail: refused in words.
        await GotoAsync("/register");
        await _page.GetByLabel("Email", new() { Exact = true }).FillAsync("buyer@ada-apparel.example.com");
        await _page.GetByLabel("Password", new() { Exact = true }).FillAsync("buyer-password-123");
        await _page.GetByLabel("Confirm password").FillAsync("buyer-password-123");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Alert)).ToContainTextAsync("buyer@ada-apparel.example.com is already registered");

        // A quote, linked from the sign-in screen: 150 medium t-shirts (docs/domain.md's worked example).
        await GotoAsync("/sign-in");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Ask for a quote (no account needed)" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Ask for a quote" })).ToBeVisibleAsync();
        await _page.GetByLabel("Product").FillAsync("T-Shirt");
        await _page.GetByLabel("Quantity (50 to 100,000 pieces)").FillAsync("150");
        await _page.GetByLabel("Your email").FillAsync("ada@ada-apparel.example.com");
        await Accessibility.AssertNoSeriousFindingsAsync(_page, "quote");
        await ScreenshotAsync("14-quote");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Get a quote" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Your quote Q-") })).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Status).First).ToContainTextAsync("1,296.75 USD");
        await Expect(_page.GetByRole(AriaRole.Status).First).ToContainTextAsync("14 days");
        await ScreenshotAsync("15-quote-priced");

        // A product that is not in the catalog: the field is named, the categories listed.
        await _page.GetByRole(AriaRole.Button, new() { Name = "Ask for another quote" }).ClickAsync();
        await _page.GetByLabel("Product").FillAsync("Spacesuit");
        await _page.GetByLabel("Your email").FillAsync("ada@ada-apparel.example.com");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Get a quote" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Alert)).ToContainTextAsync("productType 'Spacesuit' is not a category");
    }

    private Task GotoAsync(string path) => _page.GotoAsync(new Uri(host.BaseAddress, path).ToString());

    private async Task ScreenshotAsync(string name)
    {
        await _page.WaitForTimeoutAsync(300);
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots(), $"{name}.png"), FullPage = true });
    }
}
