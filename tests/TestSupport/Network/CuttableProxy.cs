using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sleek.Workflows.TestSupport.Network;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of a server (a test's PostgreSQL), to take the server away from a host and give
/// it back without touching the server itself, which other tests share:
/// <list type="bullet">
/// <item><see cref="Cut"/>: every open connection is reset and new ones are refused (the port is closed), as when the
/// database server is down or the network to it is cut; <see cref="Restore"/> listens on the same port again.</item>
/// <item><see cref="LoseReplyAfter"/>: the next time a client sends <c>marker</c> on a connection that sent
/// <c>after</c> before it, the bytes reach the server and the server answers, but the answer never reaches the client:
/// its connection is reset instead. For a <c>COMMIT</c> that is the one failure nobody can resolve from the client side —
/// the transaction was committed, and the client cannot know.</item>
/// </list>
/// </summary>
public sealed class CuttableProxy : IDisposable
{
    private readonly string _upstreamHost;
    private readonly int _upstreamPort;
    private readonly Lock _lock = new();
    private readonly HashSet<Pair> _pairs = [];
    private readonly CancellationTokenSource _disposed = new();
    private TcpListener? _listener;
    private LossRule? _loss;

    public CuttableProxy(string upstreamHost, int upstreamPort)
    {
        _upstreamHost = upstreamHost;
        _upstreamPort = upstreamPort;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Restore();
    }

    /// <summary>The port clients connect to.</summary>
    public int Port { get; }

    /// <summary>Connections accepted so far.</summary>
    public int Accepted { get; private set; }

    /// <summary>True while the proxy refuses connections.</summary>
    public bool IsCut
    {
        get
        {
            lock (_lock)
            {
                return _listener is null;
            }
        }
    }

    /// <summary>Resets every open connection and refuses new ones until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        List<Pair> open;
        lock (_lock)
        {
            _listener?.Stop();
            _listener = null;
            open = [.. _pairs];
        }

        foreach (var pair in open)
        {
            pair.Reset();
        }
    }

    /// <summary>Listens (again) on <see cref="Port"/>.</summary>
    public void Restore()
    {
        lock (_lock)
        {
            if (_listener is not null)
            {
                return;
            }

            var listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            _listener = listener;
            _ = AcceptAsync(listener);
        }
    }

    /// <summary>
    /// Arms a one-shot loss (see the class summary); the task completes when it happened, with the server's answer that
    /// was kept from the client.
    /// </summary>
    public Task<string> LoseReplyAfter(string after, string marker)
    {
        var rule = new LossRule(Encoding.ASCII.GetBytes(after), Encoding.ASCII.GetBytes(marker));
        lock (_lock)
        {
            _loss = rule;
        }

        return rule.Happened.Task;
    }

    public void Dispose()
    {
        _disposed.Cancel();
        Cut();
        _disposed.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_disposed.Token);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return; // cut or disposed
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(_upstreamHost, _upstreamPort);
        }
        catch (SocketException)
        {
            client.Client.LingerState = new LingerOption(true, 0);
            client.Dispose();
            upstream.Dispose();
            return;
        }

        var pair = new Pair(client, upstream);
        lock (_lock)
        {
            if (_listener is null)
            {
                pair.Reset();
                return;
            }

            _pairs.Add(pair);
            Accepted++;
        }

        try
        {
            await Task.WhenAll(ClientToServerAsync(pair), ServerToClientAsync(pair));
        }
        finally
        {
            pair.Reset();
            lock (_lock)
            {
                _pairs.Remove(pair);
            }
        }
    }

    private async Task ClientToServerAsync(Pair pair)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            var from = pair.Client.GetStream();
            var to = pair.Upstream.GetStream();
            while (true)
            {
                var read = await from.ReadAsync(buffer);
                if (read == 0)
                {
                    break;
                }

                var chunk = buffer.AsSpan(0, read);
                LossRule? loss;
                lock (_lock)
                {
                    loss = _loss;
                }

                if (loss is not null)
                {
                    if (chunk.IndexOf(loss.After) >= 0)
                    {
                        pair.SawAfter = true;
                    }

                    if (pair.SawAfter && chunk.IndexOf(loss.Marker) >= 0)
                    {
                        lock (_lock)
                        {
                            if (ReferenceEquals(_loss, loss))
                            {
                                _loss = null;
                                pair.Losing = loss;
                            }
                        }
                    }
                }

                await to.WriteAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Reset by the other side or by Cut.
        }
        finally
        {
            pair.Reset();
        }
    }

    private async Task ServerToClientAsync(Pair pair)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            var from = pair.Upstream.GetStream();
            var to = pair.Client.GetStream();
            while (true)
            {
                var read = await from.ReadAsync(buffer);
                if (read == 0)
                {
                    break;
                }

                if (pair.Losing is { } loss)
                {
                    // The server has answered the marked message: it ran it. The client never learns.
                    pair.Reset();
                    loss.Happened.TrySetResult(Encoding.ASCII.GetString(buffer, 0, read));
                    return;
                }

                await to.WriteAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Reset by the other side or by Cut.
        }
        finally
        {
            pair.Reset();
        }
    }

    private sealed class LossRule(byte[] after, byte[] marker)
    {
        public byte[] After { get; } = after;

        public byte[] Marker { get; } = marker;

        public TaskCompletionSource<string> Happened { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A client connection and its connection to the server.</summary>
    private sealed class Pair(TcpClient client, TcpClient upstream)
    {
        private int _reset;

        public TcpClient Client { get; } = client;

        public TcpClient Upstream { get; } = upstream;

        public bool SawAfter { get; set; }

        public LossRule? Losing { get; set; }

        /// <summary>Closes both sides at once with RST (no orderly FIN): the client sees "connection reset", as in a crash.</summary>
        public void Reset()
        {
            if (Interlocked.Exchange(ref _reset, 1) == 1)
            {
                return;
            }

            foreach (var socket in new[] { Client, Upstream })
            {
                try
                {
                    socket.Client.LingerState = new LingerOption(true, 0);
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
                {
                    // Already gone.
                }

                socket.Dispose();
            }
        }
    }
}
