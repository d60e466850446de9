using Microsoft.Playwright;
using Sleek.Workflows.Designer.Tests.Infrastructure;

namespace Sleek.Workflows.Designer.Tests;

/// <summary>What the tests do with the designer's page: drag from the palette, connect ports, take screenshots.</summary>
internal sealed class DesignerPage(IPage page, Uri baseAddress)
{
    public IPage Page => page;

    public Task GotoAsync(string path) => page.GotoAsync(new Uri(baseAddress, path).ToString());

    /// <summary>
    /// Opens the designer without a token: the API's 401 leads to the sign-in screen, which signs in and returns to
    /// the workflow list.
    /// </summary>
    public async Task SignInAsync(string email, string password)
    {
        await GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await ScreenshotAsync("00-sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Workflows" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    public ILocator Node(string id) => page.GetByTestId($"node-{id}");

    /// <summary>HTML5 drag of a palette item onto the canvas, dropped at (x, y) inside it.</summary>
    public Task DragFromPaletteAsync(string type, float x, float y) =>
        page.GetByTestId($"palette-{type}").DragToAsync(page.GetByTestId("canvas"), new LocatorDragToOptions { TargetPosition = new TargetPosition { X = x, Y = y } });

    /// <summary>Pointer drag from an output port's handle to another activity's input handle.</summary>
    public async Task ConnectAsync(string source, string port, string target)
    {
        var from = await Center(page.Locator($".react-flow__handle[data-nodeid='{source}'][data-handleid='{port}']"));
        var to = await Center(page.Locator($".react-flow__handle[data-nodeid='{target}'][data-handleid='in']"));
        await page.Mouse.MoveAsync(from.X, from.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((from.X + to.X) / 2, (from.Y + to.Y) / 2, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.MoveAsync(to.X, to.Y, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.UpAsync();
    }

    /// <summary>The edge source:port → target drawn on the canvas.</summary>
    public ILocator Edge(string source, string port, string target) =>
        page.Locator($".react-flow__edge[data-id='{source}:{port}->{target}']");

    public async Task ScreenshotAsync(string name)
    {
        // Let fitView and transitions settle before the picture.
        await page.WaitForTimeoutAsync(300);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots(), $"{name}.png"), FullPage = true });
    }

    private static async Task<(float X, float Y)> Center(ILocator locator)
    {
        await locator.WaitForAsync();
        var box = await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("handle is not visible");
        return (box.X + (box.Width / 2), box.Y + (box.Height / 2));
    }
}
