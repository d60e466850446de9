using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OtpNet;
using Sleek.Workflows.Designer.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sleek.Workflows.Designer.Tests;

/// <summary>A host whose staff must sign in with two-factor: its admin enrols in the browser at the first sign-in.</summary>
public sealed class TwoFactorDesignerHost : DesignerHost
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Auth__RequireTwoFactorForStaff"] = "true" };
}

/// <summary>The sign-in screen's second step: enrolment at the first sign-in, then a code, then a recovery code.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoFactorSignInTests(BrowserFixture browser, TwoFactorDesignerHost host) : IClassFixture<TwoFactorDesignerHost>
{
    [Fact]
    public async Task Staff_enrol_at_the_first_sign_in_then_sign_in_with_a_code_or_a_recovery_code()
    {
        SetDefaultExpectTimeout(20_000);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var designer = new DesignerPage(page, host.BaseAddress);

        // Password, then the enrolment: the key shown, a code from it, the recovery codes.
        await SubmitPasswordAsync(designer, host);
        var enrol = page.GetByRole(AriaRole.Form, new() { Name = "Set up two-factor sign-in" });
        await Expect(enrol).ToBeVisibleAsync();
        var secret = (await page.GetByTestId("two-factor-secret").TextContentAsync())!.Trim();
        await designer.ScreenshotAsync("10-two-factor-enrol");
        await page.GetByLabel("Code from the app").FillAsync(Code(secret, 0));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        var codes = page.GetByTestId("recovery-codes").Locator("li");
        await Expect(codes).ToHaveCountAsync(10);
        var recovery = (await codes.AllTextContentsAsync()).Select(c => c.Trim()).ToList();
        await designer.ScreenshotAsync("11-recovery-codes");
        await page.GetByRole(AriaRole.Button, new() { Name = "I have saved them, continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Workflows" })).ToBeVisibleAsync();

        // Signed out (the session ends on the server), then the code step. The enrolment used this step's code: the next one.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await SubmitPasswordAsync(designer, host);
        var nextCode = Code(secret, 1);
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(nextCode);
        await designer.ScreenshotAsync("12-two-factor-code");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Workflows" })).ToBeVisibleAsync();

        // A used code is refused in words (the same code again: recomputing it could give the next step's, once the
        // clock has passed a 30-second boundary meanwhile), then a recovery code instead.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await SubmitPasswordAsync(designer, host);
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(nextCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The code is wrong or was used already");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a recovery code instead" }).ClickAsync();
        await page.GetByLabel("Recovery code").FillAsync(recovery[0]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Workflows" })).ToBeVisibleAsync();
    }

    private static async Task SubmitPasswordAsync(DesignerPage designer, DesignerHost host)
    {
        await designer.GotoAsync("/");
        await Expect(designer.Page).ToHaveURLAsync(new Regex("/sign-in"));
        await designer.Page.GetByLabel("Email").FillAsync(host.AdminEmail);
        await designer.Page.GetByLabel("Password").FillAsync(host.AdminPassword);
        await designer.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private static string Code(string base32, int steps) => new Totp(Base32Encoding.ToBytes(base32)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * steps));
}

/// <summary>A host whose access tokens last 6 seconds, with no clock-skew allowance: they expire while one edits.</summary>
public sealed class ShortTokenDesignerHost : DesignerHost
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Auth__AccessTokenMinutes"] = "0.1",
        ["Auth__ClockSkewSeconds"] = "0",
    };
}

/// <summary>The designer refreshes an expired access token by itself: an edit saved after the expiry is saved, with no sign-in screen.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SilentRefreshTests(BrowserFixture browser, ShortTokenDesignerHost host) : IClassFixture<ShortTokenDesignerHost>
{
    [Fact]
    public async Task An_edit_saved_after_the_access_token_expired_is_saved_without_the_sign_in_screen()
    {
        SetDefaultExpectTimeout(20_000);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var designer = new DesignerPage(page, host.BaseAddress);
        await designer.SignInAsync(host.AdminEmail, host.AdminPassword);

        await page.GetByRole(AriaRole.Button, new() { Name = "New workflow" }).ClickAsync();
        await page.GetByLabel("Definition id").FillAsync("refresh-check");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Refresh check");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/workflows/refresh-check$"));

        // An edit, then the token runs out (awaited: the server refuses it) while the edit is unsaved.
        await designer.DragFromPaletteAsync("End", 700, 260);
        await Expect(designer.Node("end1")).ToBeVisibleAsync();
        var expired = await TokenAsync(page);
        await Eventually.UntilAsync(() => StatusWithAsync(expired), s => s == HttpStatusCode.Unauthorized, "the access token to expire", timeout: TimeSpan.FromSeconds(60));

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.GetByTestId("editor-status")).ToContainTextAsync("Draft saved");
        await Expect(page).ToHaveURLAsync(new Regex("/workflows/refresh-check$"));
        await Expect(designer.Node("end1")).ToBeVisibleAsync();

        // A new token was fetched with the refresh token; the server has the edit.
        var fresh = await TokenAsync(page);
        Assert.NotEqual(expired, fresh);
        using var client = Client(fresh);
        using var response = await client.GetAsync(new Uri("/api/workflows/refresh-check", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains("\"end1\"", body, StringComparison.Ordinal);
    }

    private static async Task<string> TokenAsync(IPage page) => await page.EvaluateAsync<string>("() => sessionStorage.getItem('sleek.token')");

    private async Task<HttpStatusCode> StatusWithAsync(string token)
    {
        using var client = Client(token);
        using var response = await client.GetAsync(new Uri("/api/workflows", UriKind.Relative));
        return response.StatusCode;
    }

    private HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
