using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sleek.Workflows.Designer.Tests.Infrastructure;
using Sleek.Workflows.TestSupport.Fakes;
using static Microsoft.Playwright.Assertions;

namespace Sleek.Workflows.Designer.Tests;

/// <summary>
/// The quote assistant in Chromium, as a signed-in buyer: the reply streams in, the price card shows the computed
/// total (not the model's), confirming the quote card requests the quote, and it is in "My quotes". axe on the chat.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AssistantTests(BrowserFixture browser, AssistantHost host) : IClassFixture<AssistantHost>, IAsyncLifetime
{
    private const string Password = "assistant-Passw0rd-1";
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(30_000);
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "en-US" });
        _context.SetDefaultTimeout(30_000);
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task The_buyer_chats_confirms_the_quote_card_and_finds_the_quote_in_my_quotes()
    {
        var email = $"chat-{Guid.NewGuid():N}@example.com";
        using (var registered = await host.Host.Client.PostAsJsonAsync(new Uri("/api/auth/register", UriKind.Relative), new { email, password = Password, role = "buyer" }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        await GotoAsync("/sign-in?next=/assistant");
        await _page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await _page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Quote assistant" })).ToBeVisibleAsync();

        host.Ai.Play(
            ScriptedReply.Call("price_quote", """{"productType":"t_shirt","quantity":150,"complexity":"medium"}"""),
            ScriptedReply.Say("Here is the price for 150 medium t-shirts: only $99 in total!"));
        await _page.GetByLabel("Your message").FillAsync("How much are 150 medium t-shirts?");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var log = _page.GetByTestId("chat-log");
        await Expect(log.GetByTestId("price-card").GetByTestId("card-total")).ToHaveTextAsync("1,296.75 USD");
        await Expect(log).ToContainTextAsync("Here is the price for 150 medium t-shirts");
        await Expect(log).Not.ToContainTextAsync("$99");
        await Accessibility.AssertNoSeriousFindingsAsync(_page, "assistant");

        host.Ai.Play(
            ScriptedReply.Call("create_quote", """{"productType":"t_shirt","quantity":150,"complexity":"medium","fabric":"organic cotton"}"""),
            ScriptedReply.Say("Please check the card and confirm it."));
        await _page.GetByLabel("Your message").FillAsync("Please request that quote, organic cotton.");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Confirm and request this quote" }).ClickAsync();
        var done = log.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex("^Quote Q-") });
        await Expect(done).ToContainTextAsync("requested");
        await Accessibility.AssertNoSeriousFindingsAsync(_page, "assistant after confirming");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots(), "assistant.png"), FullPage = true });

        await done.GetByRole(AriaRole.Link, new() { Name = "My quotes" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "My quotes" })).ToBeVisibleAsync();
        var row = _page.GetByTestId("quote-list").GetByRole(AriaRole.Row).Nth(1);
        await Expect(row).ToContainTextAsync("1,296.75 USD");
        await Expect(row).ToContainTextAsync("150 × t shirt");
    }

    private Task GotoAsync(string path) => _page.GotoAsync(new Uri(host.BaseAddress, path).ToString());
}
