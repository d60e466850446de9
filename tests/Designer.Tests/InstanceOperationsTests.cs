using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sleek.Workflows.Designer.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sleek.Workflows.Designer.Tests;

/// <summary>
/// What ops do with running instances in the browser (definitions set up through the API): an incident retried and
/// the instance cancelled; a migration dry-run, then the move; an Elsa 3 file imported; a version compared.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InstanceOperationsTests(BrowserFixture browser, DesignerHost host) : IClassFixture<DesignerHost>, IAsyncLifetime
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
        // The dialog of "Cancel instance" is accepted.
        _designer.Page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task A_faulted_instance_shows_its_incident_which_ops_retry_and_then_cancel_the_instance()
    {
        await ImportAsync(Definition("always-fails", 1, """
            { "id": "start", "type": "Start" },
            { "id": "boom", "type": "Fault", "inputs": { "message": "partner is down" } }
            """, """{ "source": { "activity": "start", "port": "Done" }, "target": { "activity": "boom" } }"""));
        var id = await StartAsync("always-fails");

        var page = _designer.Page;
        await _designer.GotoAsync($"/instances/{id}");
        await Expect(page.Locator(".page-header .badge")).ToHaveTextAsync("Faulted");
        var incidents = page.GetByRole(AriaRole.Region, new() { Name = "Incidents" });
        await Expect(incidents).ToContainTextAsync("partner is down");
        await Expect(_designer.Node("boom")).ToHaveClassAsync(new Regex("run-faulted"));
        await _designer.ScreenshotAsync("11-instance-incident");

        await incidents.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Incident retry" })).ToBeVisibleAsync();
        await Expect(page.Locator(".page-header .badge")).ToHaveTextAsync("Faulted"); // it failed again

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel instance" }).ClickAsync();
        await Expect(page.Locator(".page-header .badge")).ToHaveTextAsync("Cancelled");
    }

    [Fact]
    public async Task A_waiting_instance_is_moved_to_a_newer_version_after_the_dry_run_says_it_can()
    {
        const string Wait = """
            { "id": "start", "type": "Start" },
            { "id": "approve", "type": "HumanTask", "inputs": { "title": "Approve", "role": "ops" } },
            { "id": "end", "type": "End" }
            """;
        const string WaitConnections = """
            { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "approve" } },
            { "source": { "activity": "approve", "port": "Done" }, "target": { "activity": "end" } }
            """;
        await ImportAsync(Definition("movable", 1, Wait, WaitConnections));
        await ImportAsync(Definition("movable", 2, Wait + """, { "id": "note", "type": "Log", "inputs": { "message": "v2" } }""", WaitConnections.Replace("""{ "activity": "end" }""", """{ "activity": "note" }""", StringComparison.Ordinal) + """, { "source": { "activity": "note", "port": "Done" }, "target": { "activity": "end" } }"""));
        var id = await StartAsync("movable", version: 1);

        var page = _designer.Page;
        await _designer.GotoAsync($"/instances/{id}");
        await Expect(page.Locator(".page-header .badge")).ToHaveTextAsync("Suspended");
        var migrate = page.GetByRole(AriaRole.Region, new() { Name = "Migrate" });
        await migrate.GetByLabel("Target version").SelectOptionAsync("2");
        await Expect(migrate.GetByRole(AriaRole.Button, new() { Name = "Migrate" })).ToBeDisabledAsync(); // dry run first
        await migrate.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync();
        await Expect(page.GetByTestId("dry-run")).ToContainTextAsync("1 of 1 instance(s) of v1 can move to v2");
        await Expect(page.GetByTestId("dry-run")).ToContainTextAsync("This instance can move to v2.");
        await _designer.ScreenshotAsync("12-instance-migrate");
        await migrate.GetByRole(AriaRole.Button, new() { Name = "Migrate" }).ClickAsync();
        await Expect(page.GetByTestId("instance-meta")).ToContainTextAsync("movable v2");
        await Expect(_designer.Node("note")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_Elsa_3_file_is_imported_as_a_draft_and_compared_with_the_published_version()
    {
        var page = _designer.Page;
        await _designer.GotoAsync("/");

        // An Elsa type without an equivalent is named, and nothing is imported.
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "bad.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(ElsaExport("""{ "id": "mail", "type": "Elsa.SendEmail" }""")) });
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("activity 'mail': Elsa type 'Elsa.SendEmail' has no equivalent here");

        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "hello.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(ElsaExport(null)) });
        await Expect(page).ToHaveURLAsync(new Regex("/workflows/elsa-hello$"));
        await Expect(_designer.Node("write1")).ToContainTextAsync("Log");
        await Expect(page.Locator(".node-errors")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(page.GetByTestId("editor-status")).ToHaveTextAsync("Published version 1.");

        // Change the message, then compare with v1.
        await _designer.Node("write1").ClickAsync();
        await page.GetByLabel("Input message", new() { Exact = true }).FillAsync("Hello again {{ input.name }}");
        await page.GetByLabel("Compare with version").SelectOptionAsync("1");
        var diff = page.GetByTestId("diff-panel");
        await Expect(diff).ToContainTextAsync("~ write1 (Log): inputs.message");
        await _designer.ScreenshotAsync("13-editor-diff");
    }

    [Fact]
    public async Task A_real_Elsa_export_is_converted_by_the_server_into_a_draft_with_its_http_trigger()
    {
        var page = _designer.Page;
        await _designer.GotoAsync("/");
        var file = Path.Combine(SourceTree.Root, "tests", "Host.Tests", "Fixtures", "elsa", "http-order-check.json");

        // The designer has no converter of its own: POST /api/workflows/convert answers, then the draft is saved.
        var converted = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/workflows/convert", StringComparison.Ordinal) && r.Status == 200);
        await page.GetByTestId("import-file").SetInputFilesAsync(file);
        await converted;
        await Expect(page).ToHaveURLAsync(new Regex("/workflows/http-order-check$"));
        await Expect(_designer.Node("receive")).ToContainTextAsync("HttpEndpoint");
        await Expect(_designer.Node("answer")).ToContainTextAsync("WriteHttpResponse");
        await Expect(_designer.Node("start")).ToBeVisibleAsync();
        await Expect(page.Locator(".node-errors")).ToHaveCountAsync(0);

        // A C# or Liquid expression is refused by the server, naming the activity.
        await _designer.GotoAsync("/");
        await page.GetByTestId("import-file").SetInputFilesAsync(Path.Combine(SourceTree.Root, "tests", "Host.Tests", "Fixtures", "elsa", "unsupported-mixed.json"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This is an Elsa 3 workflow export");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("activity 'normalise': a C# expression cannot be carried over");
    }

    private static string ElsaExport(string? extraActivity) => $$"""
        {
          "id": "5f1c", "definitionId": "elsa-hello", "name": "Hello from Elsa", "version": 3,
          "variables": [],
          "root": {
            "type": "Elsa.Flowchart", "id": "flow",
            "activities": [
              { "id": "start1", "type": "Elsa.Start", "metadata": { "designer": { "position": { "x": 0, "y": 0 } } } },
              { "id": "write1", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "Hello" } }, "metadata": { "designer": { "position": { "x": 260, "y": 0 } } } },
              { "id": "end1", "type": "Elsa.End", "metadata": { "designer": { "position": { "x": 520, "y": 0 } } } }
              {{(extraActivity is null ? "" : "," + extraActivity)}}
            ],
            "connections": [
              { "source": { "activity": "start1", "port": "Done" }, "target": { "activity": "write1", "port": "In" } },
              { "source": { "activity": "write1", "port": "Done" }, "target": { "activity": "end1", "port": "In" } }
            ]
          }
        }
        """;

    private static string Definition(string id, int version, string activities, string connections) => $$"""
        { "definitionId": "{{id}}", "version": {{version}}, "name": "{{id}}",
          "root": { "activities": [ {{activities}} ], "connections": [ {{connections}} ] } }
        """;

    private async Task ImportAsync(string json)
    {
        using var response = await host.Host.Client.PostAsync(new Uri("/api/workflows/import", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"import: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<string> StartAsync(string definitionId, int? version = null)
    {
        using var response = await host.Host.Client.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { definitionId, version });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"start: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }
}
