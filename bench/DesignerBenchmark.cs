using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Sleek.Workflows.Bench;

/// <summary>
/// (h) The designer in headless Chromium: a 200-activity workflow opened in the editor by a fresh page load, until every
/// node is drawn and the view fitted (the app's <c>sleek:diagram-fitted</c> performance mark), beside the same load's
/// first contentful paint; the size of the JavaScript the first screen loads, beside the goal; and each editor action
/// on that workflow (select, edit, move, connect, add, delete, undo), timed by the app's own <c>sleek:action:*</c>
/// measures from the input event to the painted frame (src/Designer/src/model/actionMarks.ts).
/// </summary>
internal static partial class DesignerBenchmark
{
    private const string DefinitionId = "bench-200";
    private const int Activities = 200;

    public static async Task RunAsync(BenchOptions options)
    {
        Console.WriteLine();
        Console.WriteLine($"(h) designer in headless Chromium ({options.Chromium}), {options.DesignerRuns} loads, medians");
        if (!File.Exists(options.Chromium))
        {
            Console.WriteLine($"  skipped: no Chromium at {options.Chromium} (apt-get install -y chromium, or --chromium PATH)");
            return;
        }

        var folder = Directory.CreateTempSubdirectory("sleek-bench-designer-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "workflows", DefinitionId));
            await File.WriteAllTextAsync(Path.Combine(folder, "workflows", DefinitionId, "v1.json"), LaidOutChain().ToJsonString());
            await using var host = await HostProcess.StartAsync(options.HostDll, null, folder, Path.Combine(folder, "host.log"));
            var signIn = await SignInAsync(host);
            await ReportBundleAsync(host);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            });
            var fitted = new List<double>();
            var paints = new List<double>();
            for (var run = 0; run <= options.DesignerRuns; run++)
            {
                var (toFitted, toPaint) = await OpenOnceAsync(browser, host.Address, signIn);
                if (run > 0) // the first load fills the HTTP cache, as for anyone who used the designer before
                {
                    fitted.Add(toFitted);
                    paints.Add(toPaint);
                }
            }

            var median = Statistics.Median(fitted);
            Console.WriteLine($"  first contentful paint of the editor page:                {Statistics.Median(paints),7:F0} ms");
            Console.WriteLine($"  open a {Activities}-activity workflow until every node is drawn and fitted: {median,7:F0} ms (goal < 500 ms: {(median < 500 ? "met" : "not met")})");
            await ReportActionsAsync(browser, host.Address, signIn, Math.Max(3, options.DesignerRuns + 2));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One fresh load of the editor: milliseconds from navigation start to the fitted mark and to the first contentful paint.</summary>
    private static async Task<(double Fitted, double Paint)> OpenOnceAsync(IBrowser browser, Uri address, JsonObject signIn)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var page = await OpenEditorAsync(context, address, signIn);
        var drawn = await page.Locator(".react-flow__node").CountAsync();
        if (drawn < Activities)
        {
            throw new InvalidOperationException($"the editor drew {drawn} of {Activities} nodes");
        }

        var fitted = await page.EvaluateAsync<double>("() => performance.getEntriesByName('sleek:diagram-fitted')[0].startTime");
        var paint = await page.EvaluateAsync<double>("() => (performance.getEntriesByName('first-contentful-paint')[0] || { startTime: 0 }).startTime");
        return (fitted, paint);
    }

    private static async Task<IPage> OpenEditorAsync(IBrowserContext context, Uri address, JsonObject signIn)
    {
        var page = await context.NewPageAsync();
        // The designer keeps its tokens in sessionStorage: set them on the origin before the measured load.
        await page.GotoAsync(new Uri(address, "/health").ToString());
        await page.EvaluateAsync(
            "([token, refresh]) => { sessionStorage.setItem('sleek.token', token); sessionStorage.setItem('sleek.refresh', refresh); }",
            new[] { signIn["accessToken"]!.GetValue<string>(), signIn["refreshToken"]?.GetValue<string>() ?? "" });
        await page.GotoAsync(new Uri(address, $"/workflows/{DefinitionId}").ToString());
        await page.WaitForFunctionAsync("() => performance.getEntriesByName('sleek:diagram-fitted').length > 0", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        return page;
    }

    /// <summary>The JavaScript index.html loads before anything else (its module script and preloads), raw and gzipped.</summary>
    private static async Task ReportBundleAsync(HostProcess host)
    {
        using var client = new HttpClient { BaseAddress = host.Address };
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        long raw = 0, gzipped = 0;
        var scripts = ScriptReference().Matches(html).Select(m => m.Groups["src"].Value).Distinct().ToList();
        foreach (var src in scripts)
        {
            var bytes = await client.GetByteArrayAsync(new Uri(src, UriKind.Relative));
            raw += bytes.Length;
            using var buffer = new MemoryStream();
            await using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            {
                await gzip.WriteAsync(bytes);
            }

            gzipped += buffer.Length;
        }

        Console.WriteLine($"  JavaScript of the first screen ({scripts.Count} file(s) from index.html): {raw / 1000.0,7:F0} kB, {gzipped / 1000.0:F0} kB gzipped (goal < 250 kB: {(raw < 250_000 ? "met" : "not met")})");
    }

    private static async Task<JsonObject> SignInAsync(HostProcess host)
    {
        using var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.PostAsJsonAsync("/api/auth/bootstrap-admin", new { token = HostProcess.BootstrapToken, email = "bench@example.com", password = "benchmark-admin-password" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Start → 198 SetVariable → End, placed top to bottom in columns of 20, so the editor opens it as stored (no layout on open).</summary>
    private static JsonObject LaidOutChain()
    {
        var definition = BenchDefinitions.Chain(DefinitionId, Activities - 2, javaScript: true);
        var nodes = definition["root"]!["activities"]!.AsArray();
        for (var i = 0; i < nodes.Count; i++)
        {
            nodes[i]!["position"] = new JsonObject { ["x"] = i / 20 * 320, ["y"] = i % 20 * 140 };
        }

        return definition;
    }


    [GeneratedRegex("<(?:script|link)[^>]+(?:src|href)=\"(?<src>[^\"]+\\.js)\"")]
    private static partial Regex ScriptReference();
}
