using System.Globalization;
using System.Net;

namespace Sleek.Workflows.Engine.Outbound;

/// <summary>
/// <see cref="OutboundHttpOptions"/> checked once, at start-up (a malformed entry stops it, naming the entry), and
/// asked for every call: may a workflow call this host (<see cref="AllowsHost"/>), and may a connection go to this
/// address (<see cref="AllowsAddress"/>, asked after DNS resolution for each address actually connected).
/// </summary>
public sealed class OutboundPolicy
{
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _suffixes = [];
    private readonly HashSet<IPAddress> _addresses = [];
    private readonly List<IPNetwork> _networks = [];
    private readonly bool _anyName;

    /// <summary>Checks the options.</summary>
    /// <exception cref="InvalidOperationException">An entry is not a host name, <c>*.domain</c>, <c>*</c>, an IP address or a network.</exception>
    public OutboundPolicy(OutboundHttpOptions options)
    {
        Options = options;
        foreach (var entry in options.AllowedHosts.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (entry == "*")
            {
                _anyName = true;
            }
            else if (ParseAddress(entry) is { } address)
            {
                _addresses.Add(address);
            }
            else if (entry.StartsWith("*.", StringComparison.Ordinal) && IsHostName(entry[2..]))
            {
                _suffixes.Add(Normalize(entry[1..]));
            }
            else if (IsHostName(entry))
            {
                _names.Add(Normalize(entry));
            }
            else
            {
                throw new InvalidOperationException($"Http:AllowedHosts: '{entry}' is not a host name, '*.domain', '*' or an IP address");
            }
        }

        if (options.MaxResponseBytes < 1)
        {
            throw new InvalidOperationException($"Http:MaxResponseBytes is {options.MaxResponseBytes}; give the largest answer to read, in bytes");
        }

        foreach (var entry in options.AllowedNetworks.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            _networks.Add(ParseNetwork(entry)
                ?? throw new InvalidOperationException($"Http:AllowedNetworks: '{entry}' is not an IP address or a network such as 10.1.0.0/16"));
        }
    }

    /// <summary>The options as configured.</summary>
    public OutboundHttpOptions Options { get; }

    /// <summary>Whether a workflow may call <paramref name="host"/> (a URL's host, an IP literal in or out of brackets).</summary>
    public bool AllowsHost(string host)
    {
        host = Normalize(host);
        if (ParseAddress(host) is { } address)
        {
            return _anyName || _addresses.Contains(address);
        }

        return _anyName || _names.Contains(host) || _suffixes.Any(s => host.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Why a connection may not go to <paramref name="address"/> ("loopback", "link-local (cloud metadata)", …), or
    /// null when it may: a public address, or one <see cref="OutboundHttpOptions.AllowedNetworks"/> lists.
    /// </summary>
    public string? RefusalOf(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (_networks.Any(n => n.Contains(plain) || n.Contains(address)))
        {
            return null;
        }

        return ReservedRanges.KindOf(plain);
    }

    /// <summary>Whether a connection may go to <paramref name="address"/> (see <see cref="RefusalOf"/>).</summary>
    public bool AllowsAddress(IPAddress address) => RefusalOf(address) is null;

    private static string Normalize(string host) => host.Trim().TrimEnd('.').ToLowerInvariant();

    private static IPAddress? ParseAddress(string text)
    {
        text = text.Trim();
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            text = text[1..^1];
        }

        // Only the usual forms: IPAddress.TryParse also takes "1" or "0x7f.1", which no one means as an entry.
        return (text.Contains(':') || text.Count(c => c == '.') == 3) && IPAddress.TryParse(text, out var address)
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)
            : null;
    }

    private static IPNetwork? ParseNetwork(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return ParseAddress(text) is { } single ? new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128) : null;
        }

        return ParseAddress(text[..slash]) is { } baseAddress
            && int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            && IPNetwork.TryParse($"{baseAddress}/{prefix}", out var network)
            ? network
            : null;
    }

    private static bool IsHostName(string text) =>
        text.Length is > 0 and <= 253
        && text.Split('.').All(label => label.Length is > 0 and <= 63 && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && label[0] != '-' && label[^1] != '-');
}
