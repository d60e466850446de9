using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sleek.Workflows.Engine.Tests;

/// <summary>
/// An HTTP/1.1 server on 127.0.0.1 that answers what a hostile or broken partner would: <c>/endless</c> streams a
/// body that never ends (no length), <c>/huge</c> declares 10 GB and streams it, <c>/redirect</c> sends a 302 to
/// <c>/landed</c>. It records the paths asked for and counts the streams the client hung up on.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _paths = new();
    private readonly Task _loop;
    private int _closed;

    public RawHttpServer()
    {
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _loop = AcceptAsync();
    }

    public string BaseUrl { get; }

    /// <summary>The paths of the requests received, in order.</summary>
    public IReadOnlyList<string> Paths => [.. _paths];

    /// <summary>Streamed answers the client stopped reading and hung up on.</summary>
    public int Closed => Volatile.Read(ref _closed);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            try
            {
                var path = await ReadPathAsync(stream);
                _paths.Enqueue(path);
                switch (path)
                {
                    case "/redirect":
                        await WriteAsync(stream, "HTTP/1.1 302 Found\r\nLocation: /landed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                        return;
                    case "/huge":
                        await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10000000000\r\nConnection: close\r\n\r\n");
                        break;
                    default:
                        await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
                        break;
                }

                var chunk = Encoding.ASCII.GetBytes(new string(' ', 16 * 1024));
                while (true)
                {
                    await stream.WriteAsync(chunk, _stop.Token);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException)
            {
                Interlocked.Increment(ref _closed);
            }
            catch (OperationCanceledException)
            {
                // The server is stopping.
            }
        }
    }

    private async Task WriteAsync(NetworkStream stream, string text) => await stream.WriteAsync(Encoding.ASCII.GetBytes(text), _stop.Token);

    private async Task<string> ReadPathAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                throw new IOException("connection closed before the request headers ended");
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return head.ToString().Split(' ')[1];
    }
}
