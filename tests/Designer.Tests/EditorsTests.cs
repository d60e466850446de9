using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sleek.Workflows.Designer.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sleek.Workflows.Designer.Tests;

/// <summary>
/// Issue 19, finding 9 ("real editors instead of JSON boxes") and the older left-to-right diagrams: CodeMirror with
/// completion under the host's CSP, the form builders (human task fields, workflow inputs, the start input), the role
/// picker, category icons, lists with search, sort and multi-select with a real bulk action. Screenshots: editors-*.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorsTests(BrowserFixture browser, DesignerHost host) : IClassFixture<DesignerHost>, IAsyncLifetime
{
    private DesignerSession _session = null!;
    private readonly List<string> _cspViolations = [];

    private DesignerPage Designer => _session.Designer;

    private IPage Page => _session.Page;

    public async Task InitializeAsync()
    {
        _session = await DesignerSession.SignInAsync(browser, host);
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("unsafe-eval", StringComparison.OrdinalIgnoreCase))
            {
                _cspViolations.Add(message.Text);
            }
        };
    }

    public async Task DisposeAsync() => await _session.DisposeAsync();

    /// <summary>Typing <c>outputs.</c> in a Decision's condition offers the earlier activities, then the human task's fields; a pick is saved.</summary>
    [Fact]
    public async Task Expression_completion_offers_earlier_outputs_and_the_pick_is_saved_under_the_hosts_csp()
    {
        await ImportAsync(Approval("completes-outputs"));
        var response = await Page.GotoAsync(new Uri(host.BaseAddress, "/workflows/completes-outputs").ToString());
        var csp = await response!.HeaderValueAsync("content-security-policy");
        Assert.NotNull(csp);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);

        // Icons per category, in the palette and on the nodes.
        await Expect(Page.GetByTestId("palette-HumanTask").Locator("svg.category-icon")).ToHaveCountAsync(1);
        await Expect(Designer.Node("approve").Locator("svg.category-icon[data-category='human']")).ToHaveCountAsync(1);

        await Designer.Node("decide").ClickAsync();
        var condition = Page.Locator(".cm-content[aria-label='Input condition']");
        await Expect(condition).ToBeVisibleAsync();
        await condition.ClickAsync();
        await Page.Keyboard.PressAsync("Control+A");
        await Page.Keyboard.PressAsync("Delete");
        await Page.Keyboard.TypeAsync("outputs.");
        var suggestions = Page.Locator(".cm-tooltip-autocomplete [role='option']");
        await Expect(suggestions.First).ToContainTextAsync("approve");
        await Designer.ScreenshotAsync("editors-01-expression-completion");
        await suggestions.Filter(new() { HasText = "approve" }).ClickAsync();
        await Page.Keyboard.TypeAsync(".");
        await Expect(suggestions.Filter(new() { HasText = "amount" })).ToHaveCountAsync(1);
        await suggestions.Filter(new() { HasText = "amount" }).ClickAsync();
        await Page.Keyboard.TypeAsync(" > 1000");
        await Expect(condition).ToHaveTextAsync("outputs.approve.amount > 1000");
        // Highlighted as JavaScript: the number is its own token.
        await Expect(condition.Locator("span").Filter(new() { HasText = "1000" })).Not.ToHaveCountAsync(0);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(Page.GetByTestId("editor-status")).ToContainTextAsync("Draft saved");
        var decide = await DraftActivityAsync("completes-outputs", "decide");
        Assert.Equal("outputs.approve.amount > 1000", decide["inputs"]!["condition"]!["$js"]!.GetValue<string>());
        Assert.Empty(_cspViolations);
        await Accessibility.AssertNoSeriousFindingsAsync(Page, "editor (expression editor)");
    }

    /// <summary>A human task's field, its role and a workflow input are set through forms, not JSON, and saved.</summary>
    [Fact]
    public async Task A_human_task_field_role_and_workflow_input_are_added_through_forms_and_saved()
    {
        await ImportAsync(Approval("builds-forms"));
        await Designer.GotoAsync("/workflows/builds-forms");
        await Designer.Node("approve").ClickAsync();

        // The role picker offers the roles the API knows.
        var role = Page.GetByLabel("Input role", new() { Exact = true });
        await Expect(role.Locator("option")).ToHaveCountAsync(7);
        await role.SelectOptionAsync("supplier");

        var form = Page.GetByRole(AriaRole.Group, new() { Name = "Form fields" });
        await Expect(form.GetByLabel("Field 1 name")).ToHaveValueAsync("amount");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add field" }).ClickAsync();
        await form.GetByLabel("Field 2 name").FillAsync("reason");
        await form.GetByLabel("Field reason label").FillAsync("Why");
        await form.GetByRole(AriaRole.Group, new() { Name = "Outcomes that need reason" }).GetByLabel("Reject").CheckAsync();

        // A workflow input, through its own form.
        var inputs = Page.GetByRole(AriaRole.Group, new() { Name = "Inputs", Exact = true });
        await inputs.GetByRole(AriaRole.Button, new() { Name = "Add input" }).ClickAsync();
        await inputs.GetByLabel("Workflow input 4 name").FillAsync("customer");
        await inputs.GetByLabel("Workflow input customer type").SelectOptionAsync("string");
        await inputs.GetByRole(AriaRole.Group, new() { Name = "Workflow input customer" }).GetByLabel("required").CheckAsync();
        await Designer.ScreenshotAsync("editors-02-form-builders");
        await Accessibility.AssertNoSeriousFindingsAsync(Page, "editor (form builders)");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(Page.GetByTestId("editor-status")).ToContainTextAsync("Draft saved");
        var approve = await DraftActivityAsync("builds-forms", "approve");
        Assert.Equal("supplier", approve["inputs"]!["role"]!.GetValue<string>());
        var reason = approve["inputs"]!["form"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "reason")!;
        Assert.Equal("Why", reason["label"]!.GetValue<string>());
        Assert.Equal("string", reason["type"]!.GetValue<string>());
        Assert.Equal(["Reject"], reason["requiredFor"]!.AsArray().Select(o => o!.GetValue<string>()));
        var draft = await DraftAsync("builds-forms");
        var customer = draft["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "customer")!;
        Assert.True(customer["required"]!.GetValue<bool>());
    }

    /// <summary>The start form is generated from the declared inputs, says what is missing, and starts an instance with typed values.</summary>
    [Fact]
    public async Task The_start_instance_form_from_declared_inputs_starts_an_instance()
    {
        await ImportAsync(Approval("starts-from-form"));
        await Designer.GotoAsync("/workflows/starts-from-form");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start instance" }).ClickAsync();
        var form = Page.GetByRole(AriaRole.Form, new() { Name = "Start an instance" });
        await Expect(form.GetByLabel("orderId *")).ToBeVisibleAsync();

        await form.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();
        await Expect(form).ToContainTextAsync("orderId is required to start this workflow");
        await form.GetByLabel("orderId *").FillAsync("SO-1042");
        await form.GetByLabel("limit").FillAsync("twelve");
        await form.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();
        await Expect(form).ToContainTextAsync("limit must be a number");
        await form.GetByLabel("limit").FillAsync("1500.5");
        await form.GetByLabel("rush").CheckAsync();
        await Designer.ScreenshotAsync("editors-03-start-form");
        await Accessibility.AssertNoSeriousFindingsAsync(Page, "editor (start form)");
        await form.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/instances/[0-9a-f-]{36}$"));
        var instance = await host.Host.Client.GetFromJsonAsync<JsonObject>(new Uri($"/api/instances/{Page.Url[^36..]}", UriKind.Relative));
        Assert.Equal("SO-1042", instance!["input"]!["orderId"]!.GetValue<string>());
        Assert.Equal(1500.5, instance["input"]!["limit"]!.GetValue<double>());
        Assert.True(instance["input"]!["rush"]!.GetValue<bool>());
    }

    /// <summary>The workflow list searches and sorts; the instance list selects several instances and cancels them, one API call each.</summary>
    [Fact]
    public async Task Lists_search_sort_and_cancel_the_selected_instances()
    {
        await ImportAsync(Approval("list-alpha"));
        await ImportAsync(Approval("list-beta"));
        await Designer.GotoAsync("/");
        var workflows = Page.GetByRole(AriaRole.Table, new() { Name = "Workflows" });
        await Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search workflows" }).FillAsync("list-");
        await Expect(workflows.Locator("tbody tr")).ToHaveCountAsync(2);
        await workflows.GetByRole(AriaRole.Button, new() { Name = "Definition id" }).ClickAsync();
        await Expect(workflows.Locator("tbody tr").First).ToContainTextAsync("list-alpha");
        await Expect(workflows.Locator("th[aria-sort='ascending']")).ToHaveCountAsync(1);
        await workflows.GetByRole(AriaRole.Button, new() { Name = "Definition id" }).ClickAsync();
        await Expect(workflows.Locator("tbody tr").First).ToContainTextAsync("list-beta");
        await Designer.ScreenshotAsync("editors-04-workflow-list");

        // Both selected and exported: one file each, from the export endpoint.
        var downloads = new List<string>();
        Page.Download += (_, download) => downloads.Add(download.SuggestedFilename);
        await workflows.GetByLabel("Select Approval list-alpha").CheckAsync();
        await workflows.GetByLabel("Select Approval list-beta").CheckAsync();
        var exports = Page.GetByRole(AriaRole.Group, new() { Name = "Actions on the selected rows" });
        await exports.GetByRole(AriaRole.Button, new() { Name = "Export selected" }).ClickAsync();
        await Expect(exports.GetByRole(AriaRole.Status)).ToHaveTextAsync("Exported 2 workflows.");
        await Eventually(() => Task.FromResult((downloads.Count == 2, $"downloads: {string.Join(", ", downloads)}")));
        Assert.Equal(["list-alpha-v1.json", "list-beta-v1.json"], downloads.Order());
        await Accessibility.AssertNoSeriousFindingsAsync(Page, "workflow list (search, sort)");

        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var started = await host.Host.Client.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { definitionId = "list-alpha", input = new { orderId = $"SO-{i}" } });
            Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
            ids.Add(JsonNode.Parse(await started.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
        }

        await Designer.GotoAsync("/instances?definitionId=list-alpha");
        var instances = Page.GetByRole(AriaRole.Table, new() { Name = "Instances" });
        await Expect(instances.Locator("tbody tr")).ToHaveCountAsync(3);
        await Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search instances" }).FillAsync(ids[0][^12..]);
        await Expect(instances.Locator("tbody tr")).ToHaveCountAsync(1);
        await Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search instances" }).FillAsync("");
        await instances.GetByLabel($"Select instance {ids[0]}").CheckAsync();
        await instances.GetByLabel($"Select instance {ids[1]}").CheckAsync();
        var bulk = Page.GetByRole(AriaRole.Group, new() { Name = "Actions on the selected rows" });
        await Expect(bulk).ToContainTextAsync("2 selected");
        await Designer.ScreenshotAsync("editors-05-instances-selected");
        await Accessibility.AssertNoSeriousFindingsAsync(Page, "instance list (selection)");

        Page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await bulk.GetByRole(AriaRole.Button, new() { Name = "Cancel selected (2)" }).ClickAsync();
        await Expect(bulk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cancelled 2 instances.");
        Assert.Equal("Cancelled", await StatusAsync(ids[0]));
        Assert.Equal("Cancelled", await StatusAsync(ids[1]));
        Assert.NotEqual("Cancelled", await StatusAsync(ids[2]));
        await Expect(instances.Locator("tbody tr").Filter(new() { HasText = "Cancelled" })).ToHaveCountAsync(2);
    }

    /// <summary>A workflow stored left to right (older designers) is laid out top to bottom on open, and the editor stays saved.</summary>
    [Fact]
    public async Task A_workflow_stored_left_to_right_is_laid_out_top_to_bottom_on_open_without_unsaved_changes()
    {
        var json = JsonNode.Parse(Approval("stored-sideways"))!;
        var x = 0;
        foreach (var activity in json["root"]!["activities"]!.AsArray())
        {
            activity!["position"] = new JsonObject { ["x"] = x, ["y"] = 40 };
            x += 280;
        }

        await ImportAsync(json.ToJsonString());
        await Designer.GotoAsync("/workflows/stored-sideways");
        await Expect(Designer.Node("end")).ToBeVisibleAsync();
        await Eventually(async () =>
        {
            var start = await Designer.Node("start").BoundingBoxAsync();
            var approve = await Designer.Node("approve").BoundingBoxAsync();
            return (start is not null && approve is not null && approve.Y > start.Y + start.Height, $"approve at y={approve?.Y}, start at y={start?.Y}");
        });
        await Expect(Page.GetByTestId("editor-state")).Not.ToContainTextAsync("unsaved");
        await Designer.ScreenshotAsync("editors-06-left-to-right-laid-out");
    }

    /// <summary>Two selected activities collapse into one group box (kept in this browser, not an edit) and expand again.</summary>
    [Fact]
    public async Task Selected_activities_collapse_into_a_group_and_expand_again()
    {
        await ImportAsync(Approval("groups-view"));
        await Designer.GotoAsync("/workflows/groups-view");
        await Designer.Node("decide").ClickAsync();
        await Designer.Node("end").ClickAsync(new() { Modifiers = [KeyboardModifier.Control] });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Group", Exact = true }).ClickAsync();

        var group = Page.GetByTestId("group-g1");
        await Expect(group).ToBeVisibleAsync();
        await Expect(group).ToContainTextAsync("2 activities");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(await group.InnerTextAsync(), "2 activities")); // said once, not in name and subtitle
        await Expect(Designer.Node("decide")).ToHaveCountAsync(0);
        await Expect(Designer.Node("end")).ToHaveCountAsync(0);
        // The approve task's two ways out (Approve, Reject) both end in the group: each is drawn into its box.
        await Expect(Page.Locator(".react-flow__edge[data-id^='approve:'][data-id$='->group:g1:in']")).ToHaveCountAsync(2);
        await Expect(Page.GetByTestId("editor-state")).Not.ToContainTextAsync("unsaved");
        await Designer.ScreenshotAsync("editors-08-group-collapsed");
        await Accessibility.AssertNoSeriousFindingsAsync(Page, "editor (collapsed group)");

        // Kept in this browser: the group is still there after a reload.
        await Page.ReloadAsync();
        await Expect(Page.GetByTestId("group-g1")).ToBeVisibleAsync();
        await Page.GetByTestId("group-g1").GetByRole(AriaRole.Button, new() { Name = "Expand" }).ClickAsync();
        await Expect(Page.GetByTestId("group-g1")).ToHaveCountAsync(0);
        await Expect(Designer.Node("decide")).ToBeVisibleAsync();
        await Expect(Designer.Edge("decide", "True", "end")).ToHaveCountAsync(1);
    }

    /// <summary>A parent that runs a child workflow shows the child's diagram on its own page, centred on the child's waiting task.</summary>
    [Fact]
    public async Task A_child_workflow_opens_in_place_inside_the_parent_instance()
    {
        await ImportAsync(Approval("child-approval"));
        var parent = new JsonObject
        {
            ["definitionId"] = "parent-of-approval", ["version"] = 1, ["name"] = "Parent of an approval",
            ["root"] = new JsonObject
            {
                ["activities"] = new JsonArray(
                    new JsonObject { ["id"] = "start", ["type"] = "Start", ["position"] = new JsonObject { ["x"] = 0, ["y"] = 0 } },
                    new JsonObject
                    {
                        ["id"] = "run-child", ["type"] = "ExecuteWorkflow", ["position"] = new JsonObject { ["x"] = 0, ["y"] = 160 },
                        ["inputs"] = new JsonObject { ["workflowId"] = "child-approval", ["input"] = new JsonObject { ["orderId"] = "SO-9" } },
                    },
                    new JsonObject { ["id"] = "end", ["type"] = "End", ["position"] = new JsonObject { ["x"] = 0, ["y"] = 320 } }),
                ["connections"] = new JsonArray(Connection("start", "Done", "run-child"), Connection("run-child", "Completed", "end")),
            },
        };
        await ImportAsync(parent.ToJsonString());
        using var started = await host.Host.Client.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { definitionId = "parent-of-approval" });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        var parentId = JsonNode.Parse(await started.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        await Designer.GotoAsync($"/instances/{parentId}");
        var children = Page.GetByRole(AriaRole.Region, new() { Name = "Child workflows" });
        await Expect(children).ToContainTextAsync("child-approval v1");
        await children.GetByRole(AriaRole.Button, new() { Name = "Show child-approval v1 here" }).ClickAsync();

        var panel = Page.GetByTestId("child-panel");
        await Expect(panel.GetByTestId("node-approve")).ToHaveClassAsync(new Regex("run-waiting"));
        await Expect(panel).ToContainTextAsync("Waiting for approve");
        Assert.EndsWith($"/instances/{parentId}", Page.Url, StringComparison.Ordinal);
        // The parent's own diagram is still there, waiting on the child.
        await Expect(Page.GetByTestId("instance-canvas").GetByTestId("node-run-child")).ToHaveClassAsync(new Regex("run-waiting"));
        await Designer.ScreenshotAsync("editors-07-child-in-place");
        await Accessibility.AssertNoSeriousFindingsAsync(Page, "instance view (child in place)");

        await panel.GetByRole(AriaRole.Button, new() { Name = "Close the child workflow" }).ClickAsync();
        await Expect(panel).ToHaveCountAsync(0);
    }

    /// <summary>start → approve (a human task with an amount) → decide (on the amount) → end; inputs orderId (required), limit, rush.</summary>
    private static string Approval(string definitionId) => new JsonObject
    {
        ["definitionId"] = definitionId,
        ["version"] = 1,
        ["name"] = $"Approval {definitionId}",
        ["inputs"] = new JsonArray(
            new JsonObject { ["name"] = "orderId", ["type"] = "string", ["required"] = true },
            new JsonObject { ["name"] = "limit", ["type"] = "number" },
            new JsonObject { ["name"] = "rush", ["type"] = "boolean" }),
        ["root"] = new JsonObject
        {
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "Start" },
                new JsonObject
                {
                    ["id"] = "approve", ["type"] = "HumanTask", ["name"] = "Approve the order",
                    ["inputs"] = new JsonObject
                    {
                        ["title"] = "Approve the order", ["role"] = "ops",
                        ["form"] = new JsonArray(new JsonObject { ["name"] = "amount", ["type"] = "number", ["required"] = true }),
                        ["outcomes"] = new JsonArray("Approve", "Reject"),
                    },
                },
                new JsonObject { ["id"] = "decide", ["type"] = "Decision", ["inputs"] = new JsonObject { ["condition"] = new JsonObject { ["$js"] = "true" } } },
                new JsonObject { ["id"] = "end", ["type"] = "End" }),
            ["connections"] = new JsonArray(
                Connection("start", "Done", "approve"),
                Connection("approve", "Approve", "decide"),
                Connection("approve", "Reject", "end"),
                Connection("decide", "True", "end"),
                Connection("decide", "False", "end")),
        },
    }.ToJsonString();

    private static JsonObject Connection(string from, string port, string to) =>
        new() { ["source"] = new JsonObject { ["activity"] = from, ["port"] = port }, ["target"] = new JsonObject { ["activity"] = to } };

    private async Task ImportAsync(string json)
    {
        using var response = await host.Host.Client.PostAsync(new Uri("/api/workflows/import", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"import: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<JsonObject> DraftAsync(string definitionId)
    {
        var workflow = await host.Host.Client.GetFromJsonAsync<JsonObject>(new Uri($"/api/workflows/{definitionId}", UriKind.Relative));
        return workflow!["draft"]!.AsObject();
    }

    private async Task<JsonNode> DraftActivityAsync(string definitionId, string activityId) =>
        (await DraftAsync(definitionId))["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == activityId)!;

    private async Task<string> StatusAsync(string instanceId) =>
        (await host.Host.Client.GetFromJsonAsync<JsonObject>(new Uri($"/api/instances/{instanceId}", UriKind.Relative)))!["status"]!.GetValue<string>();

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
}
