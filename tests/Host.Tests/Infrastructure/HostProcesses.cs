namespace Sleek.Workflows.Host.Tests.Infrastructure;

/// <summary>
/// Host processes as these tests use them: configured with <see cref="TestAuth"/>'s settings, their client signed
/// in as the database's admin through the real endpoints (lazily, on the first API call).
/// </summary>
public static class HostProcesses
{
    /// <summary>Starts a host process (see <see cref="HostProcess.Start"/>); <paramref name="environment"/> wins over TestAuth's settings.</summary>
    public static HostProcess StartSignedIn(string name, IReadOnlyDictionary<string, string?> environment)
    {
        var settings = TestAuth.Environment.ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        foreach (var (key, value) in environment)
        {
            settings[key] = value;
        }

        return HostProcess.Start(name, settings, host => new AdminTokenHandler(host.BaseAddress, host.DatabaseKey));
    }

    extension(HostProcess host)
    {
        /// <summary>The engine API through the host's signed-in client.</summary>
        public SleekApi Api => new(host.Client);
    }
}
