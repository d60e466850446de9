using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Outbound;

/// <summary>
/// Opens every connection the <c>HttpRequest</c> activity makes (the <see cref="SocketsHttpHandler.ConnectCallback"/>
/// of its client): resolves the name itself and connects only to addresses the <see cref="OutboundPolicy"/> allows,
/// so a name that resolves (or re-resolves, DNS rebinding) to the host, its network or the metadata service reaches
/// nothing. Every failure to connect fails the same way after the same time (<see cref="OutboundHttpOptions.ConnectTimeout"/>):
/// a workflow cannot use it to tell closed ports from filtered ones, or refused addresses from either.
/// </summary>
public sealed class OutboundConnector(OutboundPolicy policy, ILogger<OutboundConnector> logger)
{
    /// <summary>The message of every failure to connect.</summary>
    public const string CouldNotConnect = "could not connect";

    /// <summary>
    /// The handler of the activity's client: connections through <see cref="ConnectAsync"/>, no proxy (the check
    /// must see the real destination), no redirects (a 3xx is the answer), no decompression (the size cap counts what
    /// arrives).
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = ConnectAsync,
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    /// <summary>Connects to an allowed address of the endpoint, or fails with <see cref="CouldNotConnect"/>.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        // Real time, whatever clock the runtime uses: these are the network's seconds.
        var started = Stopwatch.GetTimestamp();
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connectTimeout.CancelAfter(policy.Options.ConnectTimeout);
        Socket? socket = null;
        try
        {
            // The name first: a name that is not allowed is not even looked up (a lookup alone can carry data out).
            var addresses = policy.AllowsHost(host) ? await ResolveAsync(host, connectTimeout.Token) : [];
            var allowed = addresses.Where(policy.AllowsAddress).ToArray();
            if (allowed.Length == 0)
            {
                Refuse(host, port, addresses);
                throw new OutboundConnectException();
            }

            socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(allowed, port, connectTimeout.Token);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            socket?.Dispose();
            if (ex is not OutboundConnectException)
            {
                logger.LogInformation("Outbound call to {Host}:{Port} could not connect: {Error}", host, port, ex.Message);
            }

            // The same answer after the same time, whatever went wrong: refused, unreachable, silent, not allowed, unknown name.
            var remaining = policy.Options.ConnectTimeout - Stopwatch.GetElapsedTime(started);
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining, cancellationToken);
            }

            throw new OutboundConnectException();
        }
        catch
        {
            socket?.Dispose();
            throw;
        }
    }

    /// <summary>Logs and counts a connection refused by the policy (the workflow learns no more than from a closed port).</summary>
    private void Refuse(string host, int port, IPAddress[] addresses)
    {
        if (!policy.AllowsHost(host))
        {
            logger.LogWarning("Outbound call to {Host}:{Port} refused before connecting: the host is not in Http__AllowedHosts", host, port);
            EngineTelemetry.RecordOutboundRefusal("host", null);
            return;
        }

        var kinds = addresses.Select(policy.RefusalOf).OfType<string>().Distinct().ToList();
        logger.LogWarning(
            "Outbound call to {Host}:{Port} refused before connecting: {Addresses} resolve to {Kinds} addresses, which Http__AllowedNetworks does not list",
            host, port, string.Join(", ", addresses.Select(a => a.ToString())), string.Join(", ", kinds));
        EngineTelemetry.RecordOutboundRefusal("address", kinds.FirstOrDefault());
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(literal, out var address) ? [address] : await Dns.GetHostAddressesAsync(host, cancellationToken);
    }

    /// <summary>What every failure to connect throws (the handler wraps it in an <see cref="HttpRequestException"/>).</summary>
    private sealed class OutboundConnectException() : IOException(CouldNotConnect);
}
