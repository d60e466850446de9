using System.Net.Http.Json;
using Microsoft.Playwright;
using Sleek.Workflows.Designer.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sleek.Workflows.Designer.Tests;

/// <summary>
/// The bulk operations screen (issue 16 part 5): a refused filter in words, a dry run before any run, then the job's
/// progress bar filling to the end as the server works it off; and draft replay in the version diff (part 6).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BulkOperationsScreenTests(BrowserFixture browser, DesignerHost host) : IClassFixture<DesignerHost>, IAsyncLifetime
{
    private const int Instances = 30;

    private IBrowserContext _context = null!;
    private DesignerPage _designer = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(30_000);
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        _context.SetDefaultTimeout(30_000);
        _designer = new DesignerPage(await _context.NewPageAsync(), host.BaseAddress);
        await _designer.SignInAsync(host.AdminEmail, host.AdminPassword);
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task Ops_dry_run_a_bulk_cancel_then_run_it_and_watch_the_progress_bar_fill()
    {
        using (var imported = await host.Host.Client.PostAsync(new Uri("/api/workflows/import", UriKind.Relative), new StringContent("""
            { "definitionId": "bulk-screen", "version": 1, "name": "Waits for approval",
              "root": {
                "activities": [ { "id": "start", "type": "Start" }, { "id": "approve", "type": "HumanTask", "inputs": { "title": "Approve", "role": "ops" } } ],
                "connections": [ { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "approve" } } ] } }
            """, System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        }

        for (var i = 0; i < Instances; i++)
        {
            using var started = await host.Host.Client.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { definitionId = "bulk-screen" });
            Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        }

        var page = _designer.Page;
        await _designer.GotoAsync("/instances");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bulk operations" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bulk operations" })).ToBeVisibleAsync();
        await Expect(page.GetByText("No bulk operations yet")).ToBeVisibleAsync();
        var run = page.GetByRole(AriaRole.Button, new() { Name = "Run (after a dry run)" });
        await Expect(run).ToBeDisabledAsync();

        // A workflow that does not exist: refused, in words, naming the field.
        await page.GetByLabel("Workflow").FillAsync("no-such-flow");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run", Exact = true }).ClickAsync();
        var refused = page.GetByRole(AriaRole.Alert);
        await Expect(refused).ToContainTextAsync("The bulk operation was refused");
        await Expect(refused).ToContainTextAsync("no workflow 'no-such-flow' exists");

        await page.GetByLabel("Workflow").FillAsync("bulk-screen");
        await page.GetByLabel("Reason").FillAsync("season closed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("dry-run-count")).ToHaveTextAsync($"{Instances} instance(s) would be affected");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Dry run" }).Locator("tbody tr")).ToHaveCountAsync(20);
        await _designer.ScreenshotAsync("30-bulk-dry-run");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Run on {Instances} instance(s)" }).ClickAsync();
        var job = page.GetByTestId("bulk-job").First;
        await Expect(job.GetByTestId("bulk-progress")).ToHaveTextAsync($"{Instances} done · 0 failed · 0 left of {Instances} (100%)");
        await Expect(job.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("aria-valuenow", Instances.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(job).ToContainTextAsync("Completed");
        await _designer.ScreenshotAsync("31-bulk-progress");
        await Accessibility.AssertNoSeriousFindingsAsync(page, "bulk operations");

        var instances = await host.Host.Client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(new Uri("/api/instances?definitionId=bulk-screen&status=Cancelled&pageSize=100", UriKind.Relative));
        Assert.Equal(Instances, instances!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_version_diff_replays_the_draft_against_recorded_instances_and_shows_where_one_parts()
    {
        // v1 sends amounts over 100 to "big"; the draft raises the threshold to 200.
        await ImportAsync(Review(100, version: 1));
        foreach (var amount in new[] { 150, 50 })
        {
            var correlationId = $"review-{amount}";
            using (var started = await host.Host.Client.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { definitionId = "replay-screen", correlationId }))
            {
                Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
            }

            using var published = await host.Host.Client.PostAsJsonAsync(new Uri($"/api/events/Order", UriKind.Relative), new { correlationId, payload = new { amount } });
            Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        }

        using (var draft = await host.Host.Client.PutAsync(new Uri("/api/workflows/replay-screen/draft", UriKind.Relative), new StringContent(Review(200, version: 2), System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        }

        var page = _designer.Page;
        await _designer.GotoAsync("/workflows/replay-screen");
        await page.GetByLabel("Compare with version").SelectOptionAsync("1");
        var replay = page.GetByTestId("draft-replay");
        await replay.GetByRole(AriaRole.Button, new() { Name = "Replay v1 instances" }).ClickAsync();
        await Expect(page.GetByTestId("replay-summary")).ToHaveTextAsync("1 of 2 instance(s) would take another path.");
        await Expect(replay.GetByTestId("replay-result").Filter(new() { HasText = "review-150" })).ToContainTextAsync("parts at step 3: v1 check → True, draft check → False");
        await Expect(replay.GetByTestId("replay-result").Filter(new() { HasText = "review-50" })).ToContainTextAsync("same path");
        await _designer.ScreenshotAsync("32-draft-replay");
    }

    private async Task ImportAsync(string json)
    {
        using var response = await host.Host.Client.PostAsync(new Uri("/api/workflows/import", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"import: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static string Review(int threshold, int version) => $$"""
        { "definitionId": "replay-screen", "version": {{version}}, "name": "Order review",
          "root": {
            "activities": [
              { "id": "start", "type": "Start", "position": { "x": 0, "y": 0 } },
              { "id": "wait", "type": "WaitForEvent", "inputs": { "eventName": "Order" }, "position": { "x": 0, "y": 120 } },
              { "id": "check", "type": "Decision", "inputs": { "condition": { "$js": "outputs.wait.amount > {{threshold}}" } }, "position": { "x": 0, "y": 240 } },
              { "id": "big", "type": "Log", "inputs": { "message": "big" }, "position": { "x": -150, "y": 360 } },
              { "id": "small", "type": "Log", "inputs": { "message": "small" }, "position": { "x": 150, "y": 360 } }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "wait" } },
              { "source": { "activity": "wait", "port": "Done" }, "target": { "activity": "check" } },
              { "source": { "activity": "check", "port": "True" }, "target": { "activity": "big" } },
              { "source": { "activity": "check", "port": "False" }, "target": { "activity": "small" } }
            ] } }
        """;
}
