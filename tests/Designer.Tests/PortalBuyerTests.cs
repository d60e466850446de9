using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using Sleek.Workflows.Designer.Tests.Infrastructure;
using Sleek.Workflows.TestSupport;
using Sleek.Workflows.TestSupport.Fakes;
using static Microsoft.Playwright.Assertions;

namespace Sleek.Workflows.Designer.Tests;

/// <summary>
/// The buyer's whole way in Chromium, every step as the buyer (never as admin): an anonymous quote, its e-mailed
/// capability link (from the real SMTP message, on Marketplace__PublicUrl), registering with that address, the claim
/// link of the next e-mail, "My quotes", accepting, the order with its deposit invoice, the pay page (the client secret
/// arrived and the amount shows; Stripe.js cannot be reached here, so the page says so), the deposit paid through
/// Stripe's signed webhook, and the invoice PDF. axe on every screen; screenshots at desktop and 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PortalBuyerTests(BrowserFixture browser, PortalHost host) : IClassFixture<PortalHost>, IAsyncLifetime
{
    private const string Password = "buyer-portal-Passw0rd";
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(30_000);
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "en-US", AcceptDownloads = true });
        _context.SetDefaultTimeout(30_000);
        // Stripe.js lives on js.stripe.com, which this machine cannot reach: fail it at once, as a blocked network would.
        await _context.RouteAsync("https://js.stripe.com/**", route => route.AbortAsync());
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task Anonymous_buyer_asks_registers_claims_accepts_pays_the_deposit_and_downloads_the_invoice()
    {
        var email = $"ada-{Guid.NewGuid():N}@ada-apparel.example.com";

        // 1. A quote without an account.
        await GotoAsync("/quote");
        await _page.GetByLabel("Product").FillAsync("T-Shirt");
        await _page.GetByLabel("Quantity (50 to 100,000 pieces)").FillAsync("150");
        await _page.GetByLabel("Your email").FillAsync(email);
        // What the supplier must meet (issue 15): a careless country code is refused in words, naming the field.
        var neededBy = DateTime.UtcNow.Date.AddDays(120).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await _page.GetByLabel("Needed by").FillAsync(neededBy);
        await _page.GetByLabel("Required certifications, separated by commas").FillAsync("GOTS, OEKO-TEX");
        await _page.GetByLabel("Never made in (country codes)").FillAsync("China");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Get a quote" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Alert)).ToContainTextAsync("is not a two-letter ISO country code such as PT or VN");
        await CheckAsync("portal-quote-requirement-refused");
        await _page.GetByLabel("Never made in (country codes)").FillAsync("CN");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Get a quote" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Your quote Q-") })).ToBeVisibleAsync();
        var requirements = _page.GetByTestId("quote-requirement");
        await Expect(requirements).ToHaveTextAsync([neededBy, "GOTS, OEKO-TEX", "CN"]);

        // 2. The e-mailed link, from the SMTP message: on the configured public address, with its capability token.
        var quoteLink = LinkIn(await MessageAsync(email, "quote"), "/quotes/");
        Assert.StartsWith(PortalHost.PublicUrl + "/quotes/", quoteLink, StringComparison.Ordinal);
        Assert.Contains("?token=", quoteLink, StringComparison.Ordinal);
        await GotoAsync(OnHost(quoteLink));
        await Expect(_page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Your quote Q-") })).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Accept this quote" })).ToBeVisibleAsync();
        await CheckAsync("portal-quote-link");

        // 3. Registering with the same address sends a claim link to it.
        await GotoAsync("/register");
        await _page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await _page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await _page.GetByLabel("Confirm password").FillAsync(Password);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your buyer account is ready.");
        var claimLink = LinkIn(await MessageAsync(email, "earlier"), "/claim-quotes?token=");

        // 4. The claim link sends the signed-out buyer to sign in, then back; the quote is now theirs.
        await GotoAsync(OnHost(claimLink));
        await Expect(_page).ToHaveURLAsync(new Regex("/sign-in"));
        await _page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await _page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(_page.GetByTestId("claim-result")).ToContainTextAsync("Added 1 quote(s)");
        await _page.GetByRole(AriaRole.Link, new() { Name = "See my quotes" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "My quotes" })).ToBeVisibleAsync();
        var row = _page.GetByTestId("quote-list").GetByRole(AriaRole.Row).Nth(1);
        await Expect(row).ToContainTextAsync("quote sent");
        await CheckAsync("portal-my-quotes");

        // 5. Accept it signed in: the order page with the 30 % deposit invoice.
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Accept this quote" }).ClickAsync();
        await Expect(_page.GetByTestId("quote-accepted")).ToBeVisibleAsync();
        await _page.GetByRole(AriaRole.Link, new() { Name = "Open the order" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Order ORD-") })).ToBeVisibleAsync();
        await Expect(_page.GetByTestId("order-status")).ToBeVisibleAsync();
        var deposit = _page.GetByTestId("invoice-deposit");
        await Expect(deposit).ToContainTextAsync("30 % deposit");
        await Expect(deposit.GetByTestId("invoice-status")).ToHaveTextAsync("pending");
        await CheckAsync("portal-order");

        // 6. The pay page got the intent's client secret and shows its amount; the card form says Stripe is unreachable.
        var amount = (await deposit.Locator("td").Nth(2).TextContentAsync())!.Trim();
        await deposit.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Pay INV-") }).ClickAsync();
        await Expect(_page.GetByTestId("card-payment")).ToHaveAttributeAsync("data-client-secret-received", "yes");
        await Expect(_page.GetByTestId("pay-amount")).ToHaveTextAsync(amount);
        await Expect(_page.GetByTestId("stripe-unavailable")).ToContainTextAsync("could not reach Stripe");
        await Expect(_page.GetByTestId("bank-reference")).ToHaveTextAsync(new Regex("^INV-"));
        await CheckAsync("portal-pay");

        // 7. Stripe takes the payment and calls the signed webhook: the deposit shows paid.
        var intent = Assert.Single(host.Stripe.Intents);
        var webhook = FakeStripeServer.SignedWebhook(FakeStripeServer.PaymentIntentSucceededEvent(host.Stripe.Succeed(intent["id"]!.GetValue<string>())));
        using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/webhooks/stripe", UriKind.Relative)) { Content = new StringContent(webhook.Payload, System.Text.Encoding.UTF8, "application/json") })
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", webhook.SignatureHeader);
            using var answer = await host.Host.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        await _page.GetByRole(AriaRole.Link, new() { Name = "My orders" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "My orders" })).ToBeVisibleAsync();
        await CheckAsync("portal-my-orders");
        await _page.GetByTestId("order-list").GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(_page.GetByTestId("invoice-deposit").GetByTestId("invoice-status")).ToContainTextAsync("paid");

        // 8. The PDF.
        var download = await _page.RunAndWaitForDownloadAsync(() => _page.GetByTestId("invoice-deposit").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Download PDF") }).ClickAsync());
        Assert.Matches("^INV-.*\\.pdf$", download.SuggestedFilename);
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));

        await ScreenshotAsync("portal-order-paid");
        RepositoryPaths.UpdateReadmeScreenshot("portal-order-paid", "portal-buyer");
        await _page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync("portal-order-paid-390");
        await Accessibility.AssertNoSeriousFindingsAsync(_page, "order (390 px)");
    }

    [Fact]
    public async Task Ops_filter_the_quotes_and_orders_lists_beside_the_workflow_screens()
    {
        // A quote of its own, so the lists have a row whatever order the tests run in.
        var email = $"list-{Guid.NewGuid():N}@example.com";
        using (var quote = await host.Host.Client.PostAsJsonAsync(new Uri("/api/quotes", UriKind.Relative), new { productType = "T-Shirt", quantity = 150, complexity = "medium", email }))
        {
            Assert.Equal(HttpStatusCode.Created, quote.StatusCode);
        }

        await GotoAsync("/sign-in");
        await _page.GetByLabel("Email", new() { Exact = true }).FillAsync(PortalHost.OpsEmail);
        await _page.GetByLabel("Password", new() { Exact = true }).FillAsync(PortalHost.OpsPassword);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var nav = _page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Workflows" })).ToBeVisibleAsync();
        await nav.GetByRole(AriaRole.Link, new() { Name = "Quotes", Exact = true }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Quotes", Exact = true })).ToBeVisibleAsync();
        await _page.GetByLabel("Number or e-mail").FillAsync(email);
        await _page.GetByLabel("Status").SelectOptionAsync("quote_sent");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(_page).ToHaveURLAsync(new Regex("status=quote_sent"));
        await Expect(_page.GetByTestId("quote-list").GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Expect(_page.GetByTestId("quote-list")).ToContainTextAsync(email);
        await CheckAsync("portal-ops-quotes");
        RepositoryPaths.UpdateReadmeScreenshot("portal-ops-quotes", "portal-ops");

        await _page.GetByLabel("Status").SelectOptionAsync("cancelled");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(_page.GetByText("No quote matches these filters.")).ToBeVisibleAsync();

        await nav.GetByRole(AriaRole.Link, new() { Name = "Orders", Exact = true }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Orders", Exact = true })).ToBeVisibleAsync();
        await _page.GetByLabel("From", new() { Exact = true }).FillAsync("2000-01-01");
        await _page.GetByLabel("To", new() { Exact = true }).FillAsync("2000-01-02");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(_page.GetByText("No order matches these filters.")).ToBeVisibleAsync();
        await CheckAsync("portal-ops-orders");
    }

    private Task GotoAsync(string path) => _page.GotoAsync(new Uri(host.BaseAddress, path).ToString());

    /// <summary>The path and query of an e-mailed link, to open on the test's host.</summary>
    private static string OnHost(string link) => new Uri(link).PathAndQuery;

    private async Task CheckAsync(string name)
    {
        await Accessibility.AssertNoSeriousFindingsAsync(_page, name);
        await ScreenshotAsync(name);
    }

    private async Task ScreenshotAsync(string name)
    {
        await _page.WaitForTimeoutAsync(300);
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots(), $"{name}.png"), FullPage = true });
    }

    /// <summary>The newest message to <paramref name="to"/> whose subject contains <paramref name="subject"/>, as SMTP received it.</summary>
    private async Task<MimeMessage> MessageAsync(string to, string subject) =>
        await Eventually.UntilAsync(
            () => Task.FromResult(host.Smtp.Messages.LastOrDefault(m => m.To.Mailboxes.Any(b => b.Address == to) && (m.Subject ?? "").Contains(subject, StringComparison.OrdinalIgnoreCase))),
            m => m is not null,
            $"an e-mail to {to} about '{subject}'",
            _ => string.Join("; ", host.Smtp.Messages.Select(m => $"{m.To} {m.Subject}")))
        ?? throw new InvalidOperationException("unreachable");

    private static string LinkIn(MimeMessage message, string part)
    {
        var link = LinkRegex().Matches(message.TextBody ?? "").Select(m => m.Value).FirstOrDefault(l => l.Contains(part, StringComparison.Ordinal));
        Assert.True(link is not null, $"no link with {part} in '{message.Subject}':\n{message.TextBody}");
        return link!;
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkRegex();
}
