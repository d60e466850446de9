using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sleek.Workflows.Designer.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sleek.Workflows.Designer.Tests;

/// <summary>
/// Issue 19, finding 3 (and the minimap of finding 8): large workflows can be read and searched. The repository's
/// quote-to-delivery (its latest version, 111 activities) and a generated 200-activity workflow without positions: a layered top-to-bottom
/// layout, a fit that really fits, search and jump, the instance view centred on what it waits for, the minimap clear
/// of every node, axe on the big canvas. Screenshots: large-*.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LargeWorkflowTests(BrowserFixture browser, PortalDesignerHost host) : IClassFixture<PortalDesignerHost>, IAsyncLifetime
{
    private const string Big = "two-hundred-steps";

    /// <summary>The activities of quote-to-delivery's latest version (the editor opens that one): 111 in v4.</summary>
    private static readonly int QuoteToDelivery = LatestQuoteToDeliveryActivities();
    private DesignerSession _session = null!;
    private DesignerPage _designer = null!;

    public async Task InitializeAsync()
    {
        _session = await DesignerSession.SignInAsync(browser, host);
        _designer = _session.Designer;
    }

    public async Task DisposeAsync() => await _session.DisposeAsync();

    /// <summary>Searching "payment" in quote-to-delivery lands on the deposit payment, selected, inside the screen and readable.</summary>
    [Fact]
    public async Task Searching_payment_in_quote_to_delivery_lands_on_the_deposit_payment_readable()
    {
        var page = _designer.Page;
        await _designer.GotoAsync("/workflows/quote-to-delivery");
        await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(QuoteToDelivery);
        await _designer.ScreenshotAsync("large-01-editor-quote-to-delivery");

        // Auto-layout: layered top to bottom, and the fit shows every activity.
        await page.GetByRole(AriaRole.Button, new() { Name = "Auto-layout" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Auto-layout" })).ToBeEnabledAsync();
        await AssertAllNodesInsideAsync(page, QuoteToDelivery);
        await _designer.ScreenshotAsync("large-02-editor-quote-to-delivery-laid-out");
        var start = await _designer.Node("start").BoundingBoxAsync();
        var calculate = await _designer.Node("calculate").BoundingBoxAsync();
        Assert.True(calculate!.Y > start!.Y + start.Height, $"calculate ({calculate.Y}) should be below start ({start.Y}): the diagram reads top to bottom");

        var search = page.GetByRole(AriaRole.Combobox, new() { Name = "Find an activity by name or id" });
        await search.FillAsync("payment");
        var results = page.GetByRole(AriaRole.Listbox, new() { Name = "Activities found" });
        await Expect(results.GetByRole(AriaRole.Option).First).ToContainTextAsync("Deposit payment intent");
        await search.PressAsync("Enter");

        var node = _designer.Node("deposit-intent");
        await Expect(node).ToHaveClassAsync(new Regex("selected"));
        await AssertReadableInsideAsync(page, node);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Showing Deposit payment intent" })).ToHaveCountAsync(1);
        await _designer.ScreenshotAsync("large-03-editor-found-payment");
        await Accessibility.AssertNoSeriousFindingsAsync(page, "editor (quote-to-delivery, search)");
    }

    /// <summary>A 200-activity workflow without positions is laid out on open, and the fit shows every node; axe has no serious finding.</summary>
    [Fact]
    public async Task A_200_activity_workflow_is_laid_out_on_open_and_fits_the_screen_and_passes_axe()
    {
        await ImportAsync(TwoHundredActivities());
        var page = _designer.Page;
        await _designer.GotoAsync($"/workflows/{Big}");
        await AssertAllNodesInsideAsync(page, 200);
        await _designer.ScreenshotAsync("large-04-editor-200-activities");
        await Accessibility.AssertNoSeriousFindingsAsync(page, "editor (200 activities)");

        // Search works here too, from the keyboard.
        var search = page.GetByRole(AriaRole.Combobox, new() { Name = "Find an activity by name or id" });
        await search.FillAsync("check 100");
        await search.PressAsync("Enter");
        await AssertReadableInsideAsync(page, _designer.Node("decide100"));
    }

    /// <summary>Finding 8: at 1366×768, after the fit, the minimap covers no node (quote-to-delivery and the 200-activity workflow).</summary>
    [Fact]
    public async Task At_1366_by_768_the_minimap_covers_no_node_after_the_fit()
    {
        await ImportAsync(TwoHundredActivities());
        await _designer.Page.SetViewportSizeAsync(1366, 768);
        var page = _designer.Page;
        foreach (var (workflow, count) in new[] { ("quote-to-delivery", QuoteToDelivery), (Big, 200) })
        {
            await _designer.GotoAsync($"/workflows/{workflow}");
            await AssertAllNodesInsideAsync(page, count);
            var minimap = await page.Locator(".react-flow__minimap").BoundingBoxAsync();
            Assert.NotNull(minimap);
            var covered = new List<string>();
            foreach (var n in await page.Locator(".react-flow__node").AllAsync())
            {
                var box = (await n.BoundingBoxAsync())!;
                if (box.X < minimap.X + minimap.Width && box.X + box.Width > minimap.X && box.Y < minimap.Y + minimap.Height && box.Y + box.Height > minimap.Y)
                {
                    covered.Add(await n.GetAttributeAsync("data-id") ?? "?");
                }
            }

            Assert.True(covered.Count == 0, $"{workflow}: the minimap covers {string.Join(", ", covered)}");
        }

        await _designer.ScreenshotAsync("large-05-editor-1366");
    }

    /// <summary>The instance view of a quote-to-delivery waiting for the buyer opens centred on what it waits for, readable; search works there too.</summary>
    [Fact]
    public async Task The_instance_view_opens_centred_on_the_waiting_activity()
    {
        using (var quote = await host.Host.Client.PostAsJsonAsync(new Uri("/api/quotes", UriKind.Relative), new { productType = "hoodie", quantity = 300, email = "large.buyer@designer.test" }))
        {
            Assert.True(quote.IsSuccessStatusCode, await quote.Content.ReadAsStringAsync());
        }

        var (id, waiting) = await WaitingInstanceAsync();
        var page = _designer.Page;
        await _designer.GotoAsync($"/instances/{id}");
        var node = _designer.Node(waiting);
        await Expect(node).ToHaveClassAsync(new Regex("run-waiting"));
        await AssertReadableInsideAsync(page, node);
        await _designer.ScreenshotAsync("large-06-instance-quote-to-delivery-waiting");
        await Accessibility.AssertNoSeriousFindingsAsync(page, "instance view (quote-to-delivery, waiting)");

        var search = page.GetByRole(AriaRole.Combobox, new() { Name = "Find an activity by name or id" });
        await search.FillAsync("payment");
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Balance payment intent" }).ClickAsync();
        await AssertReadableInsideAsync(page, _designer.Node("balance-intent"));
    }

    /// <summary>
    /// The pictures for the note: quote-to-delivery as the editor opens it, and the instance view of one waiting for the
    /// buyer (large-07, 07b after Auto-layout, 08). Asserts only what any designer shows, so the same test takes the "before" pictures on an older build.
    /// </summary>
    [Fact]
    public async Task Screenshots_of_quote_to_delivery_in_the_editor_and_the_instance_view()
    {
        var page = _designer.Page;
        await _designer.GotoAsync("/workflows/quote-to-delivery");
        await Expect(page.Locator(".react-flow__node").First).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(1500);
        await _designer.ScreenshotAsync("large-07-editor-quote-to-delivery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Auto-layout" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Auto-layout" })).ToBeEnabledAsync();
        await page.WaitForTimeoutAsync(1500);
        await _designer.ScreenshotAsync("large-07b-editor-quote-to-delivery-auto-layout");

        using (var quote = await host.Host.Client.PostAsJsonAsync(new Uri("/api/quotes", UriKind.Relative), new { productType = "t-shirt", quantity = 200, email = "pictures.buyer@designer.test" }))
        {
            Assert.True(quote.IsSuccessStatusCode, await quote.Content.ReadAsStringAsync());
        }

        var (id, waiting) = await WaitingInstanceAsync();
        await _designer.GotoAsync($"/instances/{id}");
        await Expect(page.Locator($".react-flow__node[data-id='{waiting}']")).ToHaveCountAsync(1);
        await page.WaitForTimeoutAsync(1500);
        await _designer.ScreenshotAsync("large-08-instance-quote-to-delivery");
    }

    /// <summary>Every node is drawn, and each one's box is inside the canvas.</summary>
    private static async Task AssertAllNodesInsideAsync(IPage page, int count)
    {
        var nodes = page.Locator(".react-flow__node");
        await Expect(nodes).ToHaveCountAsync(count);
        var canvas = (await page.Locator(".react-flow").First.BoundingBoxAsync())!;
        // The fit has happened: every node inside the canvas (the layout and the fit run after the first paint).
        await Eventually(async () =>
        {
            var outside = new List<string>();
            foreach (var n in await nodes.AllAsync())
            {
                var b = await n.BoundingBoxAsync();
                if (b is null || b.X < canvas.X || b.Y < canvas.Y || b.X + b.Width > canvas.X + canvas.Width + 0.5 || b.Y + b.Height > canvas.Y + canvas.Height + 0.5)
                {
                    outside.Add(await n.GetAttributeAsync("data-id") ?? "?");
                }
            }

            return (outside.Count == 0, $"{outside.Count} of {count} nodes outside the canvas: {string.Join(", ", outside.Take(10))}");
        });
    }

    /// <summary>The node is inside the viewport and its title shows at 11 px or more (its CSS size times the zoom).</summary>
    private static async Task AssertReadableInsideAsync(IPage page, ILocator node)
    {
        var viewport = page.ViewportSize!;
        await Eventually(async () =>
        {
            var box = await node.BoundingBoxAsync();
            var inside = box is not null && box.X >= 0 && box.Y >= 0 && box.X + box.Width <= viewport.Width && box.Y + box.Height <= viewport.Height;
            var shown = await node.Locator(".node-name").EvaluateAsync<double>(
                "el => parseFloat(getComputedStyle(el).fontSize) * el.getBoundingClientRect().height / el.offsetHeight");
            return (inside && shown >= 11, $"box {box?.X},{box?.Y} {box?.Width}×{box?.Height} in {viewport.Width}×{viewport.Height}; title at {shown.ToString("F1", CultureInfo.InvariantCulture)} px");
        });
    }

    private static async Task Eventually(Func<Task<(bool Ok, string Why)>> check)
    {
        var why = "";
        for (var i = 0; i < 100; i++)
        {
            (var ok, why) = await check();
            if (ok)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail(why);
    }

    private async Task<(string Id, string Activity)> WaitingInstanceAsync()
    {
        for (var i = 0; i < 150; i++)
        {
            var list = await host.Host.Client.GetFromJsonAsync<JsonObject>(new Uri("/api/instances?definitionId=quote-to-delivery", UriKind.Relative));
            foreach (var item in list!["items"]!.AsArray())
            {
                var id = item!["id"]!.GetValue<string>();
                var details = await host.Host.Client.GetFromJsonAsync<JsonObject>(new Uri($"/api/instances/{id}", UriKind.Relative));
                if (details!["bookmarks"]!.AsArray().FirstOrDefault() is { } bookmark)
                {
                    return (id, bookmark["activityId"]!.GetValue<string>());
                }
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException("no quote-to-delivery instance came to wait");
    }

    /// <summary>200 activities, no positions: a start, then blocks of a Decision, two branches that join, and a Log.</summary>
    private static string TwoHundredActivities()
    {
        var activities = new JsonArray { new JsonObject { ["id"] = "start", ["type"] = "Start" } };
        var connections = new JsonArray();
        void Connect(string from, string port, string to) =>
            connections.Add(new JsonObject { ["source"] = new JsonObject { ["activity"] = from, ["port"] = port }, ["target"] = new JsonObject { ["activity"] = to } });
        JsonObject Log(string id, string name) => new() { ["id"] = id, ["type"] = "Log", ["name"] = name, ["inputs"] = new JsonObject { ["message"] = name } };

        var last = "start";
        for (var k = 1; activities.Count < 200; k++)
        {
            if (k % 4 == 0 && activities.Count <= 196)
            {
                activities.Add(new JsonObject { ["id"] = $"decide{k}", ["type"] = "Decision", ["name"] = $"Check {k}", ["inputs"] = new JsonObject { ["condition"] = new JsonObject { ["$js"] = "true" } } });
                activities.Add(Log($"yes{k}", $"Yes {k}"));
                activities.Add(Log($"no{k}", $"No {k}"));
                activities.Add(Log($"join{k}", $"Join {k}"));
                Connect(last, "Done", $"decide{k}");
                Connect($"decide{k}", "True", $"yes{k}");
                Connect($"decide{k}", "False", $"no{k}");
                Connect($"yes{k}", "Done", $"join{k}");
                Connect($"no{k}", "Done", $"join{k}");
                last = $"join{k}";
            }
            else
            {
                activities.Add(Log($"step{k}", $"Step {k}"));
                Connect(last, "Done", $"step{k}");
                last = $"step{k}";
            }
        }

        return new JsonObject
        {
            ["definitionId"] = Big, ["version"] = 1, ["name"] = "Two hundred steps",
            ["root"] = new JsonObject { ["activities"] = activities, ["connections"] = connections },
        }.ToJsonString();
    }

    private async Task ImportAsync(string json)
    {
        using var response = await host.Host.Client.PostAsync(new Uri("/api/workflows/import", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        // Imported once per host: a second import of the same definition is a new version or a conflict, both fine here.
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.Conflict, $"import: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static int LatestQuoteToDeliveryActivities()
    {
        var folder = Path.Combine(SourceTree.Root, "workflows", "quote-to-delivery");
        var latest = Directory.GetFiles(folder, "v*.json").MaxBy(f => int.Parse(Path.GetFileNameWithoutExtension(f)[1..], CultureInfo.InvariantCulture))!;
        return JsonNode.Parse(File.ReadAllText(latest))!["root"]!["activities"]!.AsArray().Count;
    }
}
