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

    /// <summary>Finding 2: any navigation away from unsaved edits asks first; the edit is kept in the browser meanwhile.</summary>
    [Fact]
    public async Task Leaving_unsaved_edits_asks_first_and_the_edit_comes_back_when_the_editor_opens_again()
    {
        var page = _designer.Page;
        await NewWorkflowAsync("unsaved-edits");
        await _designer.DragFromPaletteAsync("Log", 520, 260);
        await Expect(_designer.Node("log1")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("editor-state")).ToContainTextAsync("unsaved changes");

        // The in-app link asks; "Stay" keeps the editor.
        var asked = new List<string>();
        var accept = false;
        page.Dialog += (_, dialog) => { asked.Add(dialog.Message); _ = accept ? dialog.AcceptAsync() : dialog.DismissAsync(); };
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Instances" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/workflows/unsaved-edits$"));
        Assert.Contains(asked, m => m.Contains("unsaved changes", StringComparison.Ordinal));
        await Expect(_designer.Node("log1")).ToBeVisibleAsync();

        // Leaving anyway: the edit stays in this browser, and the editor brings it back.
        accept = true;
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Instances" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/instances$"));
        await _designer.GotoAsync("/workflows/unsaved-edits");
        await Expect(_designer.Node("log1")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("editor-status")).ToContainTextAsync("Restored your unsaved edit");
        await Expect(page.GetByTestId("editor-state")).ToContainTextAsync("unsaved changes");

        // Saved: the local copy is gone, and leaving no longer asks.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.GetByTestId("editor-status")).ToContainTextAsync("Draft saved");
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('sleek.draft.unsaved-edits')"));
        asked.Clear();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Instances" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/instances$"));
        Assert.Empty(asked);
    }

    /// <summary>Finding 2: the session ends while editing (no refresh possible); after the sign-in the same unsaved edit is back.</summary>
    [Fact]
    public async Task An_expired_session_while_editing_comes_back_to_the_same_unsaved_edit_after_sign_in()
    {
        var page = _designer.Page;
        await NewWorkflowAsync("expiring-session");
        await _designer.DragFromPaletteAsync("HumanTask", 520, 260);
        await Expect(_designer.Node("humanTask1")).ToBeVisibleAsync();

        // The access token has run out and the refresh token is gone (revoked, or the session ended).
        await page.EvaluateAsync("() => { sessionStorage.setItem('sleek.token', 'expired.token.value'); sessionStorage.removeItem('sleek.refresh'); }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in\\?next="));
        // The sign-in screen is a chunk of its own: the URL changes before it replaces the editor.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();

        await page.GetByLabel("Email").FillAsync(host.AdminEmail);
        await page.GetByLabel("Password").FillAsync(host.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/workflows/expiring-session$"));
        await Expect(_designer.Node("humanTask1")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("editor-state")).ToContainTextAsync("unsaved changes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.GetByTestId("editor-status")).ToContainTextAsync("Draft saved");
    }

    /// <summary>Finding 5: Publish is disabled, saying why, while the editor holds exactly the latest version.</summary>
    [Fact]
    public async Task Publish_is_disabled_with_the_reason_when_nothing_changed_since_the_latest_version()
    {
        var page = _designer.Page;
        await ImportAsync(LoggingDefinition("nothing-new", "hello"));
        await _designer.GotoAsync("/workflows/nothing-new");
        await Expect(_designer.Node("say")).ToBeVisibleAsync();

        var publish = page.GetByRole(AriaRole.Button, new() { Name = "Publish" });
        await Expect(publish).ToBeDisabledAsync();
        await Expect(page.GetByTestId("publish-reason")).ToHaveTextAsync("Nothing to publish: same as v1");

        await _designer.Node("say").ClickAsync();
        await page.GetByLabel("Input message", new() { Exact = true }).FillAsync("hello again");
        await Expect(publish).ToBeEnabledAsync();
        await publish.ClickAsync();
        await Expect(page.GetByTestId("editor-status")).ToHaveTextAsync("Published version 2.");
        await Expect(publish).ToBeDisabledAsync();
        await Accessibility.AssertNoSeriousFindingsAsync(page, "editor (nothing to publish)");
    }

    /// <summary>Finding 6: an outcome button checks the required fields first and names the field, without calling the API.</summary>
    [Fact]
    public async Task Outcome_buttons_check_required_fields_before_calling_the_server()
    {
        await ImportAsync("""
            { "definitionId": "approve-amount", "version": 1, "name": "Approve an amount",
              "root": {
                "activities": [
                  { "id": "start", "type": "Start" },
                  { "id": "humanTask1", "type": "HumanTask", "inputs": { "title": "Check the amount", "role": "ops", "outcomes": ["Approve", "Reject"],
                    "form": [ { "name": "amount", "label": "Amount", "type": "number", "required": true } ] } }
                ],
                "connections": [ { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "humanTask1" } } ]
              } }
            """);
        using (var started = await host.Host.Client.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { definitionId = "approve-amount" }))
        {
            Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        }

        var page = _designer.Page;
        var completions = 0;
        page.Request += (_, request) => { if (request.Url.Contains("/complete", StringComparison.Ordinal)) completions++; };
        await _designer.GotoAsync("/tasks");
        var task = page.GetByTestId("task-humanTask1");
        await Expect(task).ToBeVisibleAsync();

        await task.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(task.GetByText("Fill in Amount before choosing Approve.")).ToBeVisibleAsync();
        await Expect(task.GetByLabel("Amount *")).ToBeFocusedAsync();
        Assert.Equal(0, completions);
        await Accessibility.AssertNoSeriousFindingsAsync(page, "tasks (required field missing)");

        await task.GetByLabel("Amount *").FillAsync("1200");
        await task.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Completed" })).ToContainTextAsync("with Approve");
        Assert.Equal(1, completions);
    }

    /// <summary>Finding 7: a hint while typing the id; problems in warning colours; titles that say what to do, detail behind a toggle.</summary>
    [Fact]
    public async Task Messages_say_what_happened_and_what_to_do_in_the_colour_of_their_severity()
    {
        var page = _designer.Page;
        await _designer.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "New workflow" }).ClickAsync();
        await page.GetByLabel("Definition id").FillAsync("Order Approval");
        await Expect(page.GetByTestId("new-id-hint")).ToContainTextAsync("lower-case");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create draft" })).ToBeDisabledAsync();
        await page.GetByLabel("Definition id").FillAsync("order-approval-7");
        await Expect(page.GetByTestId("new-id-hint")).Not.ToContainTextAsync("lower-case");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await Expect(_designer.Node("start")).ToBeVisibleAsync();

        // A Log nobody reaches and without its message: saved with problems, in the warning colour.
        await page.GetByTestId("palette-Log").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("errors-log1")).ToContainTextAsync("unreachable");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.GetByTestId("editor-status")).ToContainTextAsync("Draft saved with 2 problems");
        await Expect(page.Locator("[role=status][data-severity=warning]")).ToHaveCountAsync(1);

        // Publishing is refused: a title for people, the engine's paths behind "Technical details".
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "cannot be published" });
        await Expect(alert).ToContainTextAsync("Some details need fixing");
        await Expect(alert).Not.ToContainTextAsync("Error 400");
        await Expect(alert.GetByText("log1: unreachable", new() { Exact = false }).First).ToBeVisibleAsync();
        var technical = alert.Locator("details.technical");
        await Expect(technical.Locator("li").First).Not.ToBeVisibleAsync();
        await technical.Locator("summary").ClickAsync();
        await Expect(technical).ToContainTextAsync("root.activities[1]");
        await Accessibility.AssertNoSeriousFindingsAsync(page, "editor (publish refused)");
    }

    /// <summary>Finding 8: messages float over the canvas, and errors are a badge: neither moves nor resizes anything.</summary>
    [Fact]
    public async Task Messages_and_errors_do_not_move_the_canvas_or_resize_nodes()
    {
        var page = _designer.Page;
        await NewWorkflowAsync("stable-layout");
        var canvas = page.GetByTestId("canvas");
        var before = await canvas.BoundingBoxAsync();

        await _designer.DragFromPaletteAsync("Log", 520, 260);
        await Expect(_designer.Node("log1")).ToHaveClassAsync(new Regex("has-errors"));
        await Expect(_designer.Node("log1")).ToContainTextAsync("2 problems");
        var withErrors = await _designer.Node("log1").BoundingBoxAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.GetByTestId("editor-status")).ToBeVisibleAsync();
        var after = await canvas.BoundingBoxAsync();
        Assert.Equal(before!.Y, after!.Y);
        Assert.Equal(before.Height, after.Height);

        // Fixed: no errors, same size.
        await _designer.ConnectAsync("start", "Done", "log1");
        await _designer.Node("log1").ClickAsync();
        await page.GetByLabel("Input message", new() { Exact = true }).FillAsync("hello");
        await Expect(_designer.Node("log1")).Not.ToHaveClassAsync(new Regex("has-errors"));
        var fixedBox = await _designer.Node("log1").BoundingBoxAsync();
        Assert.Equal(withErrors!.Height, fixedBox!.Height);
        Assert.Equal(withErrors.Width, fixedBox.Width);
    }

    /// <summary>Finding 8: in the instance view too, a message floats over the diagram instead of pushing it down.</summary>
    [Fact]
    public async Task The_instance_view_shows_messages_over_the_diagram_without_moving_it()
    {
        await ImportAsync("""
            { "definitionId": "fails-for-layout", "version": 1, "name": "fails-for-layout",
              "root": {
                "activities": [ { "id": "start", "type": "Start" }, { "id": "boom", "type": "Fault", "inputs": { "message": "partner is down" } } ],
                "connections": [ { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "boom" } } ]
              } }
            """);
        string id;
        using (var started = await host.Host.Client.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { definitionId = "fails-for-layout" }))
        {
            id = JsonNode.Parse(await started.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        }

        var page = _designer.Page;
        await _designer.GotoAsync($"/instances/{id}");
        await Expect(_designer.Node("boom")).ToHaveClassAsync(new Regex("run-faulted"));
        var canvas = page.GetByTestId("instance-canvas");
        var before = await canvas.BoundingBoxAsync();

        await page.GetByRole(AriaRole.Region, new() { Name = "Incidents" }).GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Expect(page.GetByTestId("instance-status")).ToHaveTextAsync("Incident retry: done.");
        var after = await canvas.BoundingBoxAsync();
        Assert.Equal(before!.Y, after!.Y);
        await Accessibility.AssertNoSeriousFindingsAsync(page, "instance view (message shown)");
    }

    /// <summary>Finding 4: instance ids are shown whole (they share a time prefix) and copied with a button.</summary>
    [Fact]
    public async Task Instance_ids_are_shown_whole_and_copied_with_a_button()
    {
        await _context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await ImportAsync(LoggingDefinition("ids-flow", "hello"));
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var started = await host.Host.Client.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { definitionId = "ids-flow" });
            ids.Add(JsonNode.Parse(await started.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
        }

        var page = _designer.Page;
        await _designer.GotoAsync("/instances?definitionId=ids-flow");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Instances" });
        foreach (var id in ids)
        {
            await Expect(table.GetByText(id, new() { Exact = true })).ToBeVisibleAsync();
        }

        await table.GetByRole(AriaRole.Button, new() { Name = $"Copy instance id {ids[0]}" }).ClickAsync();
        await Expect(table.GetByRole(AriaRole.Status).Filter(new() { HasText = "Copied" })).ToBeVisibleAsync();
        Assert.Equal(ids[0], await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await Accessibility.AssertNoSeriousFindingsAsync(page, "instance list");

        await _designer.GotoAsync($"/instances/{ids[1]}");
        await Expect(page.GetByTestId("instance-id")).ToContainTextAsync(ids[1]);
    }

    /// <summary>Finding 10: a favicon instead of a 401; the canvas passes axe (handles, badges).</summary>
    [Fact]
    public async Task The_favicon_is_served_and_the_canvas_and_instance_view_pass_axe()
    {
        using (var anonymous = new HttpClient { BaseAddress = host.BaseAddress })
        using (var favicon = await anonymous.GetAsync(new Uri("/favicon.ico", UriKind.Relative)))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, favicon.StatusCode);
            Assert.Equal("image/x-icon", favicon.Content.Headers.ContentType?.MediaType);
        }

        var page = _designer.Page;
        await ImportAsync(LoggingDefinition("axe-flow", "hello"));
        string id;
        using (var started = await host.Host.Client.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { definitionId = "axe-flow" }))
        {
            id = JsonNode.Parse(await started.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        }

        await _designer.GotoAsync("/workflows/axe-flow");
        await Expect(_designer.Node("say")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousFindingsAsync(page, "editor canvas");

        await _designer.GotoAsync($"/instances/{id}");
        await Expect(_designer.Node("say")).ToHaveClassAsync(new Regex("run-executed"));
        await Accessibility.AssertNoSeriousFindingsAsync(page, "instance view");
    }

    /// <summary>Finding 10: each role sees only the navigation and buttons it may use, and lands on its own work.</summary>
    [Theory]
    // Buyers land on their quotes (the portal, issue 14).
    [InlineData("buyer", "/my/quotes", "My quotes")]
    [InlineData("rule_author", "/rules", "Rules")]
    public async Task Each_role_lands_on_its_own_work_and_sees_only_what_it_may_use(string role, string home, string heading)
    {
        var email = $"{role.Replace('_', '-')}@designer.test";
        const string password = "role-tests-Passw0rd!";
        using (var created = await host.Host.Client.PostAsJsonAsync(new Uri("/api/users", UriKind.Relative), new { email, password, role }))
        {
            Assert.True(created.IsSuccessStatusCode || created.StatusCode == System.Net.HttpStatusCode.Conflict, await created.Content.ReadAsStringAsync());
        }

        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        var designer = new DesignerPage(page, host.BaseAddress);
        await designer.GotoAsync("/");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(home)}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Workflows" })).ToHaveCountAsync(0);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Instances" })).ToHaveCountAsync(0);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToHaveCountAsync(0);
        await Expect(page.GetByText("Forbidden")).ToHaveCountAsync(0);

        // The workflow list by its address: no list, no New/Import buttons, a way to their own work.
        await designer.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(home)}$"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "New workflow" })).ToHaveCountAsync(0);
        await designer.GotoAsync("/instances");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not for your role" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousFindingsAsync(page, $"{role} outside their screens");
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

    private static string LoggingDefinition(string id, string message) => $$"""
        { "definitionId": "{{id}}", "version": 1, "name": "{{id}}",
          "root": {
            "activities": [
              { "id": "start", "type": "Start", "position": { "x": 0, "y": 0 } },
              { "id": "say", "type": "Log", "inputs": { "message": "{{message}}" }, "position": { "x": 300, "y": 0 } }
            ],
            "connections": [ { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "say" } } ]
          } }
        """;

    private async Task ImportAsync(string json)
    {
        using var response = await host.Host.Client.PostAsync(new Uri("/api/workflows/import", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"import: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
