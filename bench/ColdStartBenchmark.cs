using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Sleek.Workflows.Bench;

/// <summary>
/// (e) Cold start of the host with the embedded defaults, as a newcomer runs it: a fresh data folder (SQLite,
/// migrations, seeding, the sample workflows imported) until <c>/health</c>; then until a first sample instance has
/// completed; then a restart on the existing database until <c>/health</c>. Measured for the built host (JIT-compiled as it
/// runs) and, when it has been published, for the host as deployed (<c>dotnet publish</c>: ReadyToRun, ahead-of-time
/// compiled), the two alternated run by run. Beside them: the .NET runtime's own floor (a process that starts and exits at
/// once), measured in the same run.
/// </summary>
internal static class ColdStartBenchmark
{
    private const string SampleWorkflow = "sample-line-total";

    public static async Task RunAsync(BenchOptions options)
    {
        Console.WriteLine();
        Console.WriteLine($"(e) cold start of the host, embedded defaults (SQLite), {options.ColdStartRuns} runs, medians");
        var hosts = new List<(string Label, string Dll, Starts Starts)> { ("built (dotnet build, JIT)", options.HostDll, new Starts()) };
        if (File.Exists(options.PublishedHostDll))
        {
            hosts.Add(("published (dotnet publish, ReadyToRun)", options.PublishedHostDll, new Starts()));
        }

        var floor = new List<double>();
        for (var run = 0; run < options.ColdStartRuns; run++)
        {
            floor.Add(await RuntimeFloorAsync());
            foreach (var (_, dll, starts) in hosts)
            {
                await MeasureAsync(dll, starts);
            }
        }

        var runtime = Statistics.Median(floor);
        Console.WriteLine($"  .NET runtime floor (start → exit of an empty program):   {runtime,6:F2} s");
        foreach (var (label, _, starts) in hosts)
        {
            Console.WriteLine($"  {label}:");
            Row("fresh start → /health", Statistics.Median(starts.Health), runtime, 1.5);
            Row($"fresh start → first {SampleWorkflow} instance completed", Statistics.Median(starts.FirstInstance), runtime, 2.0);
            Row("restart on the existing database → /health", Statistics.Median(starts.Restart), runtime, 1.0);
        }

        if (hosts.Count == 1)
        {
            Console.WriteLine($"  (no published host at {options.PublishedHostDll}: `dotnet publish src/Host -c Release --ucr --self-contained false -o artifacts/host` measures it too)");
        }
    }

    /// <summary>The figures of one host, in seconds.</summary>
    private sealed class Starts
    {
        public List<double> Health { get; } = [];

        public List<double> FirstInstance { get; } = [];

        public List<double> Restart { get; } = [];
    }

    private static async Task MeasureAsync(string hostDll, Starts starts)
    {
        var folder = Directory.CreateTempSubdirectory("sleek-coldstart-").FullName;
        try
        {
            CopyWorkflows(folder);
            var (toHealth, toFirst) = await FreshStartAsync(hostDll, folder);
            starts.Health.Add(toHealth);
            starts.FirstInstance.Add(toFirst);
            await using var again = await HostProcess.StartAsync(hostDll, null, folder, Path.Combine(folder, "restart.log"), TimeSpan.FromMilliseconds(10));
            starts.Restart.Add(again.StartedIn.TotalSeconds);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Row(string label, double seconds, double runtime, double goal) =>
        Console.WriteLine($"    {label + ":",-56} {seconds,6:F2} s ({seconds / runtime:F1} × the runtime floor; goal < {goal:F1} s: {(seconds < goal ? "met" : "not met")})");

    private static async Task<(double Health, double FirstInstance)> FreshStartAsync(string hostDll, string folder)
    {
        var clock = Stopwatch.StartNew();
        await using var host = await HostProcess.StartAsync(hostDll, null, folder, Path.Combine(folder, "fresh.log"), TimeSpan.FromMilliseconds(10));
        var toHealth = host.StartedIn.TotalSeconds;
        var token = await host.AdminTokenAsync();
        using var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await client.PostAsJsonAsync("/api/instances", new { definitionId = SampleWorkflow, input = new { sku = "TS-1", qty = 3, price = 4.5 } });
        started.EnsureSuccessStatusCode();
        var body = await started.Content.ReadFromJsonAsync<JsonObject>();
        var status = body?["status"]?.GetValue<string>();
        if (status != "Completed")
        {
            throw new InvalidOperationException($"the first {SampleWorkflow} instance ended {status}, not Completed");
        }

        // The host's clock started a moment after ours; the instance figure counts from our own start of the process.
        return (toHealth, clock.Elapsed.TotalSeconds);
    }

    private static async Task<double> RuntimeFloorAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(ColdStartBenchmark).Assembly.Location);
        start.ArgumentList.Add(BenchOptions.NoOpArgument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        await process.WaitForExitAsync();
        return clock.Elapsed.TotalSeconds;
    }

    private static void CopyWorkflows(string folder)
    {
        var source = Path.GetFullPath("workflows");
        if (!Directory.Exists(source))
        {
            throw new InvalidOperationException($"run the benchmark from the repository root: no workflows/ at {source}");
        }

        foreach (var file in Directory.EnumerateFiles(source, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, "workflows", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

}
