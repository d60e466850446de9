using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sleek.Workflows.Designer.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sleek.Workflows.Designer.Tests;

/// <summary>
/// The designer's traps (issue 19): nothing changes behaviour or loses work without telling anyone. One test per
/// finding; each failed on the designer before its fix.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TrustTests(BrowserFixture browser, DesignerHost host) : IClassFixture<DesignerHost>, IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private DesignerPage _designer = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(20_000);
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        _context.SetDefaultTimeout(20_000);
        _designer = new DesignerPage(await _context.NewPageAsync(), host.BaseAddress);
        await _designer.SignInAsync(host.AdminEmail, host.AdminPassword);
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    /// <summary>Finding 1: a Decision's condition starts as JavaScript, so what is typed is stored as an expression.</summary>
    [Fact]
    public async Task A_new_decision_condition_is_javascript_and_is_saved_as_an_expression()
    {
        var page = _designer.Page;
        await NewWorkflowAsync("decides-amount");
        await _designer.DragFromPaletteAsync("Decision", 520, 260);
        await _designer.Node("decision1").ClickAsync();

        var how = page.GetByLabel("How condition is given");
        await Expect(how).ToHaveValueAsync("js");
        // Literal is not offered: the server would refuse it.
        await Expect(how.Locator("option[value='literal']")).ToHaveCountAsync(0);
        await page.GetByLabel("Input condition", new() { Exact = true }).FillAsync("outputs.humanTask1.amount > 1000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.GetByTestId("editor-status")).ToContainTextAsync("Draft saved");

        var workflow = await host.Host.Client.GetFromJsonAsync<JsonObject>(new Uri("/api/workflows/decides-amount", UriKind.Relative));
        var decision = workflow!["draft"]!["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "decision1")!;
        Assert.Equal("outputs.humanTask1.amount > 1000", decision["inputs"]!["condition"]!["$js"]!.GetValue<string>());
    }

    private async Task NewWorkflowAsync(string id)
    {
        var page = _designer.Page;
        await _designer.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "New workflow" }).ClickAsync();
        await page.GetByLabel("Definition id").FillAsync(id);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/workflows/{id}$"));
        await Expect(_designer.Node("start")).ToBeVisibleAsync();
    }
}
