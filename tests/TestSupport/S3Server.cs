using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Sleek.Workflows.TestSupport;

/// <summary>
/// A real S3-protocol server for the S3 file store's tests: the npm package <c>s3rver</c> (tests/S3Server, installed by
/// test.sh with <c>npm ci</c>; installed here too when missing, for a plain <c>dotnet test</c>), on a free 127.0.0.1 port
/// with a fresh folder and one bucket. Killed with its process tree on dispose. Use as a class fixture.
/// </summary>
public sealed class S3Server : IDisposable
{
    /// <summary>The bucket it serves.</summary>
    public const string Bucket = "sleek-files";

    /// <summary>s3rver's fixed credentials.</summary>
    public const string AccessKey = "S3RVER";

    /// <summary>s3rver's fixed credentials.</summary>
    public const string SecretKey = "S3RVER";

    private static readonly Lock InstallLock = new();
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _directory;

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public S3Server()
    {
        var package = Path.Combine(SourceTree.Root, "tests", "S3Server");
        var script = Path.Combine(package, "node_modules", "s3rver", "bin", "s3rver.js");
        lock (InstallLock)
        {
            if (!File.Exists(script))
            {
                Run("npm", ["ci", "--no-audit", "--no-fund"], package);
            }
        }

        _directory = TempDirectory.Create("s3rver");
        Port = HostProcess.FreePort();
        var start = new ProcessStartInfo("node", [script, "-d", _directory, "-a", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--configure-bucket", Bucket, "--silent"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilListening();
    }

    /// <summary>Its port.</summary>
    public int Port { get; }

    /// <summary>Its endpoint, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public string ServiceUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The host settings that point the file store at this server.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Files:S3:Bucket"] = Bucket,
        ["Files:S3:ServiceUrl"] = ServiceUrl,
        ["Files:S3:AccessKey"] = AccessKey,
        ["Files:S3:SecretKey"] = SecretKey,
    };

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5_000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        TempDirectory.Delete(_directory);
    }

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"s3rver exited with {_process.ExitCode}: {Output()}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException($"s3rver did not listen on {Port} within 30 s: {Output()}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static void Run(string program, string[] arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { WorkingDirectory = directory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} in {directory} failed ({process.ExitCode}): {output.Result}{error.Result}");
        }
    }
}
