using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sleek.Workflows.Designer.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sleek.Workflows.Designer.Tests;

/// <summary>
/// The designer in Debian's Chromium against a real host process on PostgreSQL: a workflow drawn, published, run and
/// finished from the browser; errors pinned on nodes; a rule edit refused, then previewed and saved; the dashboard.
/// Screenshots of each main screen go to TestResults/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DesignerTests(BrowserFixture browser, DesignerHost host) : IClassFixture<DesignerHost>, IAsyncLifetime
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

    [Fact]
    public async Task A_workflow_drawn_by_drag_and_drop_is_published_run_and_finished_from_the_browser()
    {
        var page = _designer.Page;
        await _designer.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Workflows" })).ToBeVisibleAsync();

        // A new workflow: a draft holding Start.
        await page.GetByRole(AriaRole.Button, new() { Name = "New workflow" }).ClickAsync();
        await page.GetByLabel("Definition id").FillAsync("order-approval");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Order approval");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/workflows/order-approval$"));
        await Expect(_designer.Node("start")).ToBeVisibleAsync();

        // Two more activities dragged from the palette.
        await _designer.DragFromPaletteAsync("HumanTask", 520, 260);
        await Expect(_designer.Node("humanTask1")).ToBeVisibleAsync();
        await _designer.DragFromPaletteAsync("End", 880, 260);
        await Expect(_designer.Node("end1")).ToBeVisibleAsync();

        // Inputs of the human task; its outcomes become ports.
        await _designer.Node("humanTask1").ClickAsync();
        await page.GetByLabel("Input title", new() { Exact = true }).FillAsync("Approve the order");
        await page.GetByLabel("Input role", new() { Exact = true }).SelectOptionAsync("ops");
        await page.GetByLabel("Input outcomes", new() { Exact = true }).FillAsync("Approve, Reject");
        await Expect(page.Locator(".react-flow__handle[data-nodeid='humanTask1'][data-handleid='Reject']")).ToBeVisibleAsync();

        await _designer.ConnectAsync("start", "Done", "humanTask1");
        await _designer.ConnectAsync("humanTask1", "Approve", "end1");
        await _designer.ConnectAsync("humanTask1", "Reject", "end1");
        await Expect(_designer.Edge("start", "Done", "humanTask1")).ToHaveCountAsync(1);
        await Expect(_designer.Edge("humanTask1", "Approve", "end1")).ToHaveCountAsync(1);
        await Expect(_designer.Edge("humanTask1", "Reject", "end1")).ToHaveCountAsync(1);

        // The server's validation (as you type) has nothing left to pin on a node.
        await Expect(page.Locator(".node-errors")).ToHaveCountAsync(0);
        await _designer.ScreenshotAsync("02-editor");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(page.GetByTestId("editor-status")).ToHaveTextAsync("Published version 1.");

        // Start an instance: it waits on the human task.
        await page.GetByRole(AriaRole.Button, new() { Name = "Start instance" }).ClickAsync();
        await page.GetByLabel("Correlation id").FillAsync("ORD-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/instances/[0-9a-f-]{36}$"));
        var instanceUrl = page.Url;
        var instanceId = instanceUrl[^36..];
        await Expect(page.Locator(".page-header .badge")).ToHaveTextAsync("Suspended");
        await Expect(page.GetByTestId("waiting-humanTask1")).ToBeVisibleAsync();
        await Expect(_designer.Node("humanTask1")).ToHaveClassAsync(new Regex("run-waiting"));
        await Expect(_designer.Node("start")).ToHaveClassAsync(new Regex("run-executed"));
        await _designer.ScreenshotAsync("03-instance-waiting");

        // The task's form, completed with an outcome button.
        await page.GetByRole(AriaRole.Link, new() { Name = "open task" }).ClickAsync();
        var task = page.GetByTestId("task-humanTask1");
        await Expect(task.GetByRole(AriaRole.Heading, new() { Name = "Approve the order" })).ToBeVisibleAsync();
        await _designer.ScreenshotAsync("04-tasks");
        await task.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Completed" })).ToContainTextAsync("with Approve");

        // Completed, with the path drawn: Start → task → (Approve) → End.
        await page.GotoAsync(instanceUrl);
        await Expect(page.Locator(".page-header .badge")).ToHaveTextAsync("Completed");
        await Expect(_designer.Node("end1")).ToHaveClassAsync(new Regex("run-executed"));
        await Expect(_designer.Node("humanTask1")).ToHaveClassAsync(new Regex("run-executed"));
        await Expect(page.Locator(".react-flow__edge.edge-taken")).ToHaveCountAsync(2);
        await Expect(page.Locator(".react-flow__edge.edge-taken[data-id='humanTask1:Approve->end1']")).ToHaveCountAsync(1);
        await Expect(page.Locator(".react-flow__edge.edge-idle[data-id='humanTask1:Reject->end1']")).ToHaveCountAsync(1);
        await _designer.ScreenshotAsync("05-instance-completed");

        using var response = await host.Host.Client.GetAsync(new Uri($"/api/instances/{instanceId}", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Completed", json.RootElement.GetProperty("status").GetString());

        // The list shows the published workflow.
        await _designer.GotoAsync("/");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "order-approval" });
        await Expect(row).ToContainTextAsync("v1");
        await _designer.ScreenshotAsync("01-workflow-list");
        await _designer.GotoAsync("/instances");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Instances" })).ToContainTextAsync("Completed");
        await _designer.ScreenshotAsync("06-instance-list");
    }

    [Fact]
    public async Task Validation_errors_are_pinned_on_the_node_and_under_the_field()
    {
        var page = _designer.Page;
        await _designer.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "New workflow" }).ClickAsync();
        await page.GetByLabel("Definition id").FillAsync("broken-flow");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await Expect(_designer.Node("start")).ToBeVisibleAsync();

        // Keyboard: Enter on a palette item adds it (selected).
        await page.GetByTestId("palette-Log").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(_designer.Node("log1")).ToBeVisibleAsync();

        // Not connected and its required message missing: the server says so, on the node.
        var errors = page.GetByTestId("errors-log1");
        await Expect(errors).ToContainTextAsync("unreachable");
        await Expect(errors).ToContainTextAsync("message");
        await Expect(_designer.Node("log1")).ToHaveClassAsync(new Regex("has-errors"));

        // JavaScript that does not parse: flagged as you type, then by the server under the field and on the node.
        await page.GetByLabel("How message is given").SelectOptionAsync("js");
        await page.GetByLabel("Input message", new() { Exact = true }).FillAsync("order.total *");
        var field = page.GetByTestId("field-message");
        await Expect(field.Locator(".field-error").First).ToContainTextAsync("JavaScript does not parse");
        await Expect(field.Locator(".field-error.server")).ToContainTextAsync("JavaScript does not parse");
        await Expect(errors).ToContainTextAsync("JavaScript does not parse");
        await _designer.ScreenshotAsync("07-editor-validation");

        // Publishing is refused with the problem's detail.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "cannot be published" })).ToBeVisibleAsync();

        // Copy and paste (Ctrl+C, Ctrl+V) make a second Log with a fresh id; Ctrl+Z takes the paste back.
        await _designer.Node("log1").ClickAsync();
        await page.Keyboard.PressAsync("Control+c");
        await page.Keyboard.PressAsync("Control+v");
        await Expect(_designer.Node("log2")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Control+z");
        await Expect(_designer.Node("log2")).ToHaveCountAsync(0);

        // Undo (Ctrl+Z on the canvas) takes the earlier edits back too. The click lands on empty canvas near the top right
        // (the top left holds the activity search box, the bottom right the minimap).
        var canvas = page.GetByTestId("canvas");
        var canvasBox = (await canvas.BoundingBoxAsync())!;
        await canvas.ClickAsync(new() { Position = new() { X = canvasBox.Width - 40, Y = 30 } });
        await page.Keyboard.PressAsync("Control+z");
        await page.Keyboard.PressAsync("Control+z");
        await Expect(_designer.Node("log1")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_rule_edit_that_does_not_compile_is_refused_with_its_message_and_a_good_one_previewed_and_saved()
    {
        var page = _designer.Page;
        await _designer.GotoAsync("/rules");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Rule sets" }).GetByRole(AriaRole.Link, new() { Name = "supplier-urgency" }).ClickAsync();
        var editor = page.GetByLabel("Rules (RulesEngine JSON: an array of workflows)");
        await Expect(editor).ToHaveValueAsync(new Regex("HighUrgency"));
        var original = await editor.InputValueAsync();

        // A member the input does not have: the server compiles the rules and refuses, naming the rule.
        await editor.FillAsync(original.Replace("input1.WaitedDays > 3", "input1.DaysWaited > 3", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var refusal = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "The rules were refused" });
        await Expect(refusal).ToBeVisibleAsync();
        await Expect(refusal).ToContainTextAsync("HighUrgency");
        await Expect(refusal).ToContainTextAsync("DaysWaited");
        await _designer.ScreenshotAsync("08-rules-refused");

        // A good edit: previewed first, then saved as version 2.
        await editor.FillAsync(original.Replace("input1.WaitedDays > 3", "input1.WaitedDays > 5", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview impact" }).ClickAsync();
        await Expect(page.GetByTestId("rule-preview")).ToContainTextAsync("would change");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved as version" })).ToHaveTextAsync("Saved as version 2.");
        await Expect(page.GetByLabel("History")).ToContainTextAsync("v2");
        await _designer.ScreenshotAsync("09-rules");
    }

    [Fact]
    public async Task A_rule_author_creates_a_rule_set_on_the_rules_screen_and_a_broken_rule_is_named()
    {
        var page = _designer.Page;
        await _designer.GotoAsync("/rules");
        await page.GetByRole(AriaRole.Button, new() { Name = "New rule set" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "New rule set" });
        await form.GetByLabel("Name").FillAsync("rush-quotes");
        await form.GetByLabel("What the rules read (input1)").SelectOptionAsync("automation");
        await form.GetByLabel("Description").FillAsync("Big quotes go to admin review");
        var rules = form.GetByLabel("Rules (RulesEngine JSON: an array of workflows, as RulesEngine files are written)");
        var template = await rules.InputValueAsync();

        // A member AutomationInput lacks: the server refuses, naming the rule; nothing is created.
        await rules.FillAsync(template.Replace("input1.QuoteTotal", "input1.Total", StringComparison.Ordinal));
        await form.GetByRole(AriaRole.Button, new() { Name = "Create rule set" }).ClickAsync();
        var refusal = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "The rule set was not created" });
        await Expect(refusal).ToContainTextAsync("BigQuote");
        await Expect(refusal).ToContainTextAsync("Total");
        await Accessibility.AssertNoSeriousFindingsAsync(page, "rules (new rule set)");

        await rules.FillAsync(template);
        await form.GetByRole(AriaRole.Button, new() { Name = "Create rule set" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/rules/rush-quotes$"));
        var list = page.GetByRole(AriaRole.Navigation, new() { Name = "Rule sets" });
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = "rush-quotes" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Rules (RulesEngine JSON: an array of workflows)")).ToHaveValueAsync(new Regex("BigQuote"));
        await Expect(page.GetByLabel("History")).ToContainTextAsync("v1");
        await _designer.ScreenshotAsync("16-rules-created");

        // Renamed, its history comes along; built-in sets offer no rename.
        await page.GetByLabel("New name").FillAsync("rush-quotes-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/rules/rush-quotes-2$"));
        await Expect(page.GetByText("Renamed from rush-quotes")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("History")).ToContainTextAsync("v1");
        await list.GetByRole(AriaRole.Link, new() { Name = "automation", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/rules/automation$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "automation" })).ToBeVisibleAsync();
        await _designer.ScreenshotAsync("17-rules-built-in");
        await Expect(page.GetByLabel("New name")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Dashboard_and_routing()
    {
        var page = _designer.Page;
        await _designer.GotoAsync("/dashboard");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Instances started per day, by status" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quote conversion" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("conversion")).ToBeVisibleAsync(); // from GET /api/analytics
        await _designer.ScreenshotAsync("10-dashboard");

        // A client route that is no API is the page; an unknown API path stays a 404.
        using var clientRoute = await host.Host.Client.GetAsync(new Uri("/instances/not-a-real-one", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, clientRoute.StatusCode);
        Assert.Contains("<div id=\"root\">", await clientRoute.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var unknownApi = await host.Host.Client.GetAsync(new Uri("/api/no-such-thing", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknownApi.StatusCode);
    }
}
