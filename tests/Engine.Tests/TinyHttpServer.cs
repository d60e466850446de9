using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sleek.Workflows.Engine.Tests;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (or another loopback address; a free port) for the HttpRequest activity:
/// each request gets the handler's answer, or no answer at all when the handler returns null.
/// </summary>
internal sealed class TinyHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<ReceivedRequest, (int Status, string Body)?> _handler;
    private readonly Task _loop;
    private int _connections;

    public TinyHttpServer(Func<ReceivedRequest, (int Status, string Body)?> handler, IPAddress? address = null)
    {
        _handler = handler;
        _listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        _listener.Start();
        var endpoint = (IPEndPoint)_listener.LocalEndpoint;
        Port = endpoint.Port;
        BaseUrl = $"http://{endpoint.Address}:{endpoint.Port}";
        _loop = AcceptAsync();
    }

    public string BaseUrl { get; }

    public int Port { get; }

    /// <summary>Connections accepted so far (whether or not a request came over them).</summary>
    public int Connections => Volatile.Read(ref _connections);

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

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
            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream);
                Received.Enqueue(request);
                if (_handler(request) is not { } answer)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                    return;
                }

                var body = Encoding.UTF8.GetBytes(answer.Body);
                var head = $"HTTP/1.1 {answer.Status} {(answer.Status < 400 ? "OK" : "Error")}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                await stream.WriteAsync(body, _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
            {
                // The client gave up or the server is stopping.
            }
        }
    }

    private async Task<ReceivedRequest> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                throw new IOException("connection closed before the request headers ended");
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var lines = Encoding.ASCII.GetString([.. buffer.Take(headerEnd)]).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var contentLength = lines.Skip(1)
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim()))
            .FirstOrDefault();
        var body = buffer.Skip(headerEnd + 4).ToList();
        while (body.Count < contentLength)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                break;
            }

            body.AddRange(chunk.AsSpan(0, read));
        }

        return new ReceivedRequest(requestLine[0], requestLine[1], Encoding.UTF8.GetString([.. body]));
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>What the server received.</summary>
internal sealed record ReceivedRequest(string Method, string Path, string Body);
