using System.Text.RegularExpressions;

namespace Sleek.Workflows.Host.FirstRun;

/// <summary>
/// Where the setup screen is reachable: <c>Marketplace:PublicUrl</c> when it is configured, else every address the
/// server bound, with a wildcard host (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>) shown as <c>localhost</c>. The
/// token goes in the fragment, which browsers never send: it stays out of access logs and Referer headers.
/// </summary>
internal static partial class SetupLink
{
    /// <summary>Base URLs to print, the first one preferred, without duplicates.</summary>
    public static IReadOnlyList<string> BaseUrls(string? publicUrl, IEnumerable<string> boundAddresses)
    {
        var urls = new List<string>();
        if (!string.IsNullOrWhiteSpace(publicUrl))
        {
            urls.Add(publicUrl.Trim().TrimEnd('/'));
        }

        foreach (var address in boundAddresses)
        {
            var url = Browsable(address).TrimEnd('/');
            if (!urls.Contains(url, StringComparer.OrdinalIgnoreCase))
            {
                urls.Add(url);
            }
        }

        return urls;
    }

    /// <summary>The link to the setup screen carrying <paramref name="token"/>.</summary>
    public static string For(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}/setup#{token}";

    /// <summary>A bound address as a browser can open it.</summary>
    public static string Browsable(string address)
    {
        var match = AddressPattern().Match(address.Trim());
        if (!match.Success)
        {
            return address.Trim();
        }

        var host = match.Groups["host"].Value;
        return host is "0.0.0.0" or "[::]" or "+" or "*"
            ? $"{match.Groups["scheme"].Value}://localhost{match.Groups["rest"].Value}"
            : address.Trim();
    }

    [GeneratedRegex(@"^(?<scheme>[a-zA-Z][a-zA-Z0-9+.-]*)://(?<host>\[[^\]]*\]|[^:/]+)(?<rest>.*)$")]
    private static partial Regex AddressPattern();
}
