namespace Sleek.Workflows.Engine.Outbound;

/// <summary>
/// Where the <c>HttpRequest</c> activity may call and how much it may read (configuration section <c>Http</c>; see
/// README, Configuration and Security). With nothing configured it calls nowhere.
/// </summary>
public sealed class OutboundHttpOptions
{
    /// <summary>
    /// Hosts a workflow may call: a name (<c>api.partner.example</c>), every name under a domain
    /// (<c>*.partner.example</c>, not the domain itself), an IP address as written in a URL, or <c>*</c> for any host.
    /// Empty: no outbound calls at all.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>
    /// Addresses (<c>10.1.2.3</c>) or networks (<c>10.1.0.0/16</c>, <c>fd00::/8</c>) a call may connect to although they
    /// are loopback, private, link-local, shared (CGNAT), multicast or otherwise not public. Every other such address is
    /// refused, whatever the host's name, after DNS resolution and for the address actually connected.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>The largest answer body read (bytes); a longer one is cut off while it streams in and the activity faults.</summary>
    public long MaxResponseBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// How long a connection may take to open. Every failure to connect — refused, unreachable, no answer, an address
    /// that is not allowed, a name that does not resolve — is reported when this much time has passed and in the same
    /// words, so a workflow cannot tell a closed port from a filtered one or a refused address.
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
