using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Sleek.Workflows.Bench;

/// <summary>
/// The built host (<c>Sleek.Workflows.Host.dll</c>) as a separate process on a free port, the way it
/// is deployed: its own memory and GC, talking HTTP. Its log goes to a file next to its data.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Task _drain;

    private HostProcess(Process process, StreamWriter log, Uri address)
    {
        _process = process;
        _log = log;
        Address = address;
        _drain = Task.WhenAll(DrainAsync(process.StandardOutput), DrainAsync(process.StandardError));
    }

    public Uri Address { get; }

    /// <summary>The bootstrap token this run's host was started with (random per run).</summary>
    public static string BootstrapToken { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    /// <summary>Creates the admin through the bootstrap endpoint and returns its bearer token.</summary>
    public async Task<string> AdminTokenAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.PostAsJsonAsync("/api/auth/bootstrap-admin", new { token = BootstrapToken, email = "bench@example.com", password = "benchmark-admin-password" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        return body!["accessToken"]!.GetValue<string>();
    }

    public int ProcessId => _process.Id;

    /// <summary>From just before the process started until <c>/health</c> first answered 200.</summary>
    public TimeSpan StartedIn { get; private set; }

    /// <summary>
    /// Starts the host and waits for <c>/health</c>. A null <paramref name="connectionString"/> runs the embedded default
    /// (SQLite in the data folder), as a newcomer's first start does.
    /// </summary>
    public static async Task<HostProcess> StartAsync(string hostDll, string? connectionString, string folder, string logFile, TimeSpan? pollEvery = null)
    {
        if (!File.Exists(hostDll))
        {
            throw new InvalidOperationException($"the host is not built at {Path.GetFullPath(hostDll)}; run `dotnet build -c Release src/Host` first (or pass --host-dll)");
        }

        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.GetFullPath(hostDll));
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        if (connectionString is not null)
        {
            start.Environment["ConnectionStrings__Sleek"] = connectionString;
        }

        start.Environment["Sleek__WorkflowsDirectory"] = Path.Combine(folder, "workflows");
        start.Environment["Sleek__DataDirectory"] = Path.Combine(folder, "data");
        // The benchmark signs in like any client: it creates the admin with a one-off bootstrap token.
        start.Environment["Auth__BootstrapToken"] = BootstrapToken;
        start.Environment["Auth__AccessTokenMinutes"] = "600";
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var host = new HostProcess(process, new StreamWriter(logFile) { AutoFlush = false }, address);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                await host.DisposeAsync();
                throw new InvalidOperationException($"the host exited with {process.ExitCode} during start-up; see {logFile}");
            }

            try
            {
                using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    host.StartedIn = clock.Elapsed;
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                await host.DisposeAsync();
                throw new InvalidOperationException($"the host did not answer /health within 60 s; see {logFile}");
            }

            await Task.Delay(pollEvery ?? TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>User + system CPU seconds the host process has used so far (from /proc).</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>Resident set size now and its peak (VmRSS, VmHWM from /proc), in MiB.</summary>
    public (double Rss, double Peak) Memory()
    {
        double rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) / 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line) / 1024;
            }
        }

        return (rss, peak);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        await _drain;
        await _log.DisposeAsync();
        _process.Dispose();
    }

    private static double Kilobytes(string line) =>
        double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private async Task DrainAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_log)
            {
                _log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
