using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sleek.Workflows.Host.Tests.Infrastructure;

/// <summary>
/// The host as a real operating-system process (<c>dotnet Sleek.Workflows.Host.dll --urls …</c>) on a
/// free 127.0.0.1 port, built by the test project's reference to Host. Its stdout and stderr are kept
/// for failure messages; it is killed (with its process tree) on dispose, whatever the test did.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private const int MaxOutputChars = 4_000_000;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputLock = new();

    private HostProcess(string name, IReadOnlyDictionary<string, string?> environment)
    {
        Name = name;
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}");
        WorkingDirectory = TempDirectory.Create($"host-{name}");
        var start = new ProcessStartInfo(DotnetPath(), [HostDll(), "--urls", BaseAddress.ToString().TrimEnd('/')])
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Nothing of the test runner's own ASP.NET set-up leaks in; every setting the host gets is listed here.
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("Sleek__", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(variable);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Sleek__DataDirectory"] = Path.Combine(WorkingDirectory, "data");
        foreach (var (key, value) in TestAuth.Environment)
        {
            start.Environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data is null ? null : "[stderr] " + e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        // Signed in as the database's admin through the real endpoints (TestAuth), lazily on the first API call.
        var databaseKey = start.Environment.TryGetValue("ConnectionStrings__Sleek", out var connection) && !string.IsNullOrEmpty(connection)
            ? connection
            : Path.GetFullPath(start.Environment["Sleek__DataDirectory"]!);
        Client = new HttpClient(new AdminTokenHandler(BaseAddress, databaseKey)) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
    }

    /// <summary>Name used in messages (e.g. "A").</summary>
    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>Its working directory (and, below it, its data folder), removed on dispose.</summary>
    public string WorkingDirectory { get; }

    public HttpClient Client { get; }

    public SleekApi Api => new(Client);

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote so far (stdout and stderr), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_outputLock)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a host process with these environment variables (<c>Sleek__…</c>, <c>ConnectionStrings__Sleek</c>).</summary>
    public static HostProcess Start(string name, IReadOnlyDictionary<string, string?> environment) => new(name, environment);

    /// <summary>Waits until <c>/health</c> answers 200; fails with the process output if it exits or never does.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(90);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new Xunit.Sdk.XunitException($"host {Name} exited with code {_process.ExitCode} before it was ready.\n{Describe()}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > limit)
            {
                throw new Xunit.Sdk.XunitException($"host {Name} was not ready after {limit.TotalSeconds:0} s.\n{Describe()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Waits for the process to exit on its own and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"host {Name} did not exit.\n{Describe()}");
        }

        return _process.ExitCode;
    }

    /// <summary>SIGKILL, with its process tree: no shutdown code runs, as in a crash or an OOM kill.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(30_000);
    }

    /// <summary>Name, pid, address and the captured output (its last <paramref name="maxChars"/> characters).</summary>
    public string Describe(int maxChars = 200_000)
    {
        var output = Output;
        if (output.Length > maxChars)
        {
            output = "[…]\n" + output[^maxChars..];
        }

        return $"--- host {Name} (pid {SafeId()}, {BaseAddress}) output ---\n{output}\n--- end of host {Name} ---";
    }

    /// <summary>The name its workers put in leases: <c>machine:pid</c>, as <c>RuntimeOptions.WorkerName</c> builds it.</summary>
    public string WorkerName => $"{Environment.MachineName}:{_process.Id}";

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        Client.Dispose();
        _process.Dispose();
        TempDirectory.Delete(WorkingDirectory);
    }

    /// <summary>A TCP port free on 127.0.0.1 right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// <c>src/Host/bin/&lt;Configuration&gt;/net10.0/Sleek.Workflows.Host.dll</c>, in the configuration this
    /// test assembly was built with (the test project references Host, so building it builds the host).
    /// </summary>
    public static string HostDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var dll = Path.Combine(WorkflowsFolder.RepositoryRoot(), "src", "Host", "bin", configuration, framework, "Sleek.Workflows.Host.dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{dll} does not exist: build the solution in {configuration} first (./test.sh does).");
    }

    private static string DotnetPath() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";

    private string SafeId()
    {
        try
        {
            return _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            if (_output.Length > MaxOutputChars)
            {
                // Keep the start (start-up) and the most recent lines.
                _output.Remove(MaxOutputChars / 4, _output.Length - (MaxOutputChars / 2));
                _output.Insert(MaxOutputChars / 4, "\n[… output cut …]\n");
            }

            _output.AppendLine(line);
        }
    }
}
