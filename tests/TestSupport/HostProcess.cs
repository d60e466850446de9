using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit.Sdk;

namespace Sleek.Workflows.TestSupport;

/// <summary>
/// The host as a real operating-system process (<c>dotnet Sleek.Workflows.Host.dll --urls …</c>) on a
/// free 127.0.0.1 port, built by the test project's reference to Host, in a working directory of its own
/// (so no workflows/ folder is imported by accident). Its stdout and stderr are kept for failure messages;
/// it is killed (with its process tree) on dispose, whatever the test did.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private const int MaxOutputChars = 4_000_000;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputLock = new();

    private HostProcess(string name, IReadOnlyDictionary<string, string?> environment, Func<HostProcess, HttpMessageHandler>? clientHandler, IReadOnlyList<string>? arguments)
    {
        Name = name;
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}");
        WorkingDirectory = TempDirectory.Create($"host-{name}");
        var start = new ProcessStartInfo(DotnetPath(), [HostDll(), "--urls", BaseAddress.ToString().TrimEnd('/'), .. arguments ?? []])
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
        foreach (var (key, value) in environment)
        {
            // null removes a variable (e.g. ASPNETCORE_ENVIRONMENT, to run as a plain `dotnet run` does).
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        DatabaseKey = start.Environment.TryGetValue("ConnectionStrings__Sleek", out var connection) && !string.IsNullOrEmpty(connection)
            ? connection
            : Path.GetFullPath(start.Environment["Sleek__DataDirectory"]!);
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data is null ? null : "[stderr] " + e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Client = new HttpClient(clientHandler?.Invoke(this) ?? new HttpClientHandler()) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
    }

    /// <summary>Name used in messages (e.g. "A").</summary>
    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>Its working directory (and, below it, its data folder), removed on dispose.</summary>
    public string WorkingDirectory { get; }

    /// <summary>
    /// Which database it runs on: its PostgreSQL connection string, or the full path of its data folder
    /// (where its SQLite file lives). Hosts with the same key share their data.
    /// </summary>
    public string DatabaseKey { get; }

    /// <summary>An HTTP client on <see cref="BaseAddress"/>, through the handler given at start, if any.</summary>
    public HttpClient Client { get; }

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

    /// <summary>The name its workers put in leases: <c>machine:pid</c>, as <c>RuntimeOptions.WorkerName</c> builds it.</summary>
    public string WorkerName => $"{Environment.MachineName}:{_process.Id}";

    /// <summary>
    /// Starts a host process with these environment variables (<c>Sleek__…</c>, <c>ConnectionStrings__Sleek</c>,
    /// <c>Auth__…</c>; a null value removes the variable) and returns at once; <see cref="WaitUntilReadyAsync"/> waits
    /// for it. The handler, when given, is built once the address and database are known (e.g. one that signs requests
    /// in); <paramref name="arguments"/> follow <c>--urls</c> on the command line (e.g. <c>--demo</c>).
    /// </summary>
    public static HostProcess Start(string name, IReadOnlyDictionary<string, string?> environment, Func<HostProcess, HttpMessageHandler>? clientHandler = null, IReadOnlyList<string>? arguments = null) =>
        new(name, environment, clientHandler, arguments);

    /// <summary>Starts a host process and waits until it is ready; a host that never gets ready is killed before the failure.</summary>
    public static async Task<HostProcess> StartAsync(string name, IReadOnlyDictionary<string, string?> environment, TimeSpan? readyTimeout = null, IReadOnlyList<string>? arguments = null)
    {
        var host = Start(name, environment, arguments: arguments);
        try
        {
            await host.WaitUntilReadyAsync(readyTimeout);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Waits until <c>/health</c> answers 200; fails with the process output if it exits or never does.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(90);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new XunitException($"host {Name} exited with code {_process.ExitCode} before it was ready.\n{Describe()}");
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
                throw new XunitException($"host {Name} was not ready after {limit.TotalSeconds:0} s.\n{Describe()}");
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
            throw new XunitException($"host {Name} did not exit.\n{Describe()}");
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
        var dll = Path.Combine(SourceTree.Root, "src", "Host", "bin", configuration, framework, "Sleek.Workflows.Host.dll");
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
