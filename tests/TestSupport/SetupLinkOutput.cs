using System.Text.RegularExpressions;

namespace Sleek.Workflows.TestSupport;

/// <summary>The one-time setup link a host prints while its database has no admin ("No admin yet: open … to create one").</summary>
public static partial class SetupLinkOutput
{
    /// <summary>Every setup link in <paramref name="output"/>, in order.</summary>
    public static IReadOnlyList<(string Url, string Token)> All(string output) =>
        [.. LinkPattern().Matches(output).Select(m => (m.Groups["url"].Value, m.Groups["token"].Value))];

    /// <summary>Waits until <paramref name="host"/> printed a setup link and returns it (the last one, if several).</summary>
    public static async Task<(string Url, string Token)> WaitForAsync(HostProcess host, TimeSpan? timeout = null)
    {
        var links = await Eventually.UntilAsync(
            () => Task.FromResult(All(host.Output)),
            found => found.Count > 0 || host.HasExited,
            $"host {host.Name} to print its setup link",
            _ => host.Describe(),
            timeout ?? TimeSpan.FromSeconds(60));
        return links.Count > 0 ? links[^1] : throw new Xunit.Sdk.XunitException($"host {host.Name} exited without a setup link.\n{host.Describe()}");
    }

    [GeneratedRegex(@"No admin yet: open (?<url>\S+/setup#(?<token>[A-Za-z0-9_-]+)) to create one")]
    private static partial Regex LinkPattern();
}
