using Sleek.Workflows.Host.Tests.Infrastructure;
using Xunit.Sdk;

namespace Sleek.Workflows.Host.Tests.Processes;

/// <summary>SQLite is the embedded single-process mode: a second host process on the same file is refused with a clear message.</summary>
public sealed class SqliteSingleProcessTests : IDisposable
{
    private readonly List<HostProcess> _hosts = [];
    private readonly string _data = TempDirectory.Create("sqlite-shared");
    private readonly WorkflowsFolder _folder = new WorkflowsFolder().WithSample("sample-approval");

    [Fact]
    public async Task Second_host_process_on_the_same_SQLite_file_is_refused_naming_the_file_and_PostgreSQL()
    {
        try
        {
            var first = Start("first");
            await first.WaitUntilReadyAsync();

            var second = Start("second");
            var exitCode = await second.WaitForExitAsync();

            Assert.Equal(1, exitCode);
            var lockFile = Path.Combine(_data, "sleek.db.lock");
            Assert.Contains($"Another process already uses the SQLite database {Path.Combine(_data, "sleek.db")}", second.Output, StringComparison.Ordinal);
            Assert.Contains($"its lock file {lockFile} is held", second.Output, StringComparison.Ordinal);
            Assert.Contains("SQLite mode is for one host process only", second.Output, StringComparison.Ordinal);
            Assert.Contains("ConnectionStrings__Sleek", second.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Now listening on", second.Output, StringComparison.Ordinal);

            // The first host is unaffected; once it is gone (even by SIGKILL: the OS drops its lock), the file is free again.
            await first.WaitUntilReadyAsync();
            first.Kill();
            var third = Start("third");
            await third.WaitUntilReadyAsync();
            var instance = await third.Api.StartAsync("sample-approval", new { requestId = "R-1" });
            Assert.Equal("Suspended", SleekApi.Status(instance));
        }
        catch (Exception ex)
        {
            throw new XunitException($"{ex}\n\n{string.Join("\n\n", _hosts.Select(h => h.Describe()))}");
        }
    }

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        _folder.Dispose();
        TempDirectory.Delete(_data);
    }

    private HostProcess Start(string name)
    {
        var host = HostProcesses.StartSignedIn(name, new Dictionary<string, string?>
        {
            ["Sleek__DataDirectory"] = _data,
            ["Sleek__WorkflowsDirectory"] = _folder.Path,
            ["Sleek__Workers"] = "1",
        });
        _hosts.Add(host);
        return host;
    }
}
