using Microsoft.Playwright;
using System.Text.Json.Nodes;

namespace Sleek.Workflows.Bench;

/// <summary>
/// (h), per action: each editor action done by Playwright on the opened 200-activity workflow, several times, and the
/// median of the app's own measure for it (<c>sleek:action:NAME</c>: the input event's timestamp to the frame painted
/// after the state change; see src/Designer/src/model/actionMarks.ts).
/// </summary>
internal static partial class DesignerBenchmark
{
    private const double ActionGoalMs = 100;

    private static async Task ReportActionsAsync(IBrowser browser, Uri address, JsonObject signIn, int repeats)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var page = await OpenEditorAsync(context, address, signIn);
        Console.WriteLine($"  editor actions on the {Activities}-activity workflow, {repeats} of each, input event → painted frame (the app's sleek:action:* measures), medians:");
        var node = (int i) => page.Locator($"[data-testid='node-step{i}']");

        // Select: a different node each time; the properties panel shows it.
        var select = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            select.Add(await MeasureAsync(page, "select", () => node(10 + i).ClickAsync()));
        }

        // Edit a property: one key typed into the selected activity's name, each a separate change.
        await node(40).ClickAsync();
        await page.Locator("#name-step40").FocusAsync();
        var edit = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            edit.Add(await MeasureAsync(page, "edit", () => page.Keyboard.PressAsync("x")));
        }

        // Move: one drag, each mouse move one measure.
        var move = new List<double>();
        var box = (await node(60).BoundingBoxAsync())!;
        var (x, y) = (box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.MoveAsync((float)x, (float)y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)x + 4, (float)y + 2); // the first move starts the drag (no position change yet)
        for (var i = 1; i <= repeats; i++)
        {
            var step = i;
            move.Add(await MeasureAsync(page, "move", () => page.Mouse.MoveAsync((float)(x + 8 * step), (float)(y + 5 * step))));
        }

        await page.Mouse.UpAsync();

        // Connect: from a node's Done port to the input of the node two below it (a new connection each time).
        var connect = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var from = 80 + 3 * i;
            var source = (await node(from).Locator(".react-flow__handle.source").First.BoundingBoxAsync())!;
            var target = (await node(from + 2).Locator(".react-flow__handle.target").First.BoundingBoxAsync())!;
            connect.Add(await MeasureAsync(page, "connect", async () =>
            {
                await page.Mouse.MoveAsync(source.X + source.Width / 2, source.Y + source.Height / 2);
                await page.Mouse.DownAsync();
                await page.Mouse.MoveAsync(target.X + target.Width / 2, target.Y + target.Height / 2, new MouseMoveOptions { Steps = 4 });
                await page.Mouse.UpAsync();
            }));
        }

        // Add from the palette (a click on its SetVariable button).
        var add = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            add.Add(await MeasureAsync(page, "add", () => page.Locator("[data-testid='palette-SetVariable']").ClickAsync()));
        }

        // Delete a selected node with the Delete key, then undo each deletion with Ctrl+Z.
        var delete = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            await node(120 + 2 * i).ClickAsync();
            delete.Add(await MeasureAsync(page, "delete", () => page.Keyboard.PressAsync("Delete")));
        }

        var undo = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            undo.Add(await MeasureAsync(page, "undo", () => page.Keyboard.PressAsync("Control+z")));
        }

        Line("select a node (its properties shown)", select);
        Line("edit a property (one key in the name)", edit);
        Line("move a node (one drag step)", move);
        Line("connect two nodes", connect);
        Line("add an activity from the palette", add);
        Line("delete a node (Delete key)", delete);
        Line("undo (Ctrl+Z)", undo);
    }

    private static void Line(string action, List<double> values)
    {
        var median = Statistics.Median(values);
        Console.WriteLine($"    {action + ":",-44}{median,7:F0} ms (goal < {ActionGoalMs:F0} ms: {(median < ActionGoalMs ? "met" : "not met")})");
    }

    /// <summary>Does the action and returns the duration of the measure it left (waits for a new one).</summary>
    private static async Task<double> MeasureAsync(IPage page, string action, Func<Task> perform)
    {
        var name = "sleek:action:" + action;
        var before = await page.EvaluateAsync<double>("name => { const e = performance.getEntriesByName(name, 'measure'); return e.length ? e[e.length - 1].startTime : -1; }", name);
        await perform();
        var handle = await page.WaitForFunctionAsync(
            "([name, before]) => { const e = performance.getEntriesByName(name, 'measure'); const last = e[e.length - 1]; return last && last.startTime !== before ? [last.duration] : null; }",
            new object[] { name, before }, new PageWaitForFunctionOptions { Timeout = 20_000 });
        return (await handle.JsonValueAsync<double[]>())[0];
    }
}
