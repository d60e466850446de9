using Microsoft.Playwright;
using Sleek.Workflows.Designer.Tests.Infrastructure;

namespace Sleek.Workflows.Designer.Tests;

/// <summary>
/// The set-up most screen tests share: a browser context of its own at a given size, the expect and action timeouts,
/// and the admin signed in. Dispose it to close the context.
/// </summary>
internal sealed class DesignerSession : IAsyncDisposable
{
    private DesignerSession(IBrowserContext context, DesignerPage designer)
    {
        Context = context;
        Designer = designer;
    }

    public IBrowserContext Context { get; }

    public DesignerPage Designer { get; }

    public IPage Page => Designer.Page;

    public static async Task<DesignerSession> SignInAsync(BrowserFixture browser, DesignerHost host, int width = 1440, int height = 900, float timeoutMs = 30_000)
    {
        Assertions.SetDefaultExpectTimeout(timeoutMs);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(timeoutMs);
        var designer = new DesignerPage(await context.NewPageAsync(), host.BaseAddress);
        await designer.SignInAsync(host.AdminEmail, host.AdminPassword);
        return new DesignerSession(context, designer);
    }

    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
