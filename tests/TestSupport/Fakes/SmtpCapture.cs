using System.Buffers;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Storage;

namespace Sleek.Workflows.TestSupport.Fakes;

/// <summary>
/// A real SMTP server (SmtpServer) in-process on 127.0.0.1 and a free port that keeps every message it
/// receives as a <see cref="MimeMessage"/>. <see cref="WaitForMessagesAsync"/> awaits a signal set when
/// a message arrives; nothing polls or sleeps.
/// </summary>
public sealed class SmtpCapture : MessageStore, IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<MimeMessage> _messages = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private readonly CancellationTokenSource _stop = new();
    private SmtpServer.SmtpServer? _server;
    private Task? _running;

    private SmtpCapture()
    {
    }

    public int Port { get; private set; }

    public IReadOnlyList<MimeMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Starts on <paramref name="port"/>, or a free port when 0 (a given port lets a test bring a "down" server back).</summary>
    public static async Task<SmtpCapture> StartAsync(int port = 0)
    {
        var capture = new SmtpCapture();
        var listeners = new EndpointListenerFactory();
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(capture);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        capture._server = new SmtpServer.SmtpServer(options, services);
        capture._running = capture._server.StartAsync(capture._stop.Token);
        capture.Port = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return capture;
    }

    /// <summary>Completes once at least <paramref name="count"/> messages have arrived; throws after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        TaskCompletionSource reached;
        lock (_lock)
        {
            if (_messages.Count >= count)
            {
                return [.. _messages];
            }

            reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
        }

        try
        {
            await reached.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s for {count} email(s); {Messages.Count} arrived");
        }

        return Messages;
    }

    public override async Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(
        ISessionContext context,
        IMessageTransaction transaction,
        ReadOnlySequence<byte> buffer,
        CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);
        lock (_lock)
        {
            _messages.Add(message);
            foreach (var waiter in _waiters.Where(w => _messages.Count >= w.Count).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return SmtpServer.Protocol.SmtpResponse.Ok;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server?.Shutdown();
        if (_running is not null)
        {
            try
            {
                await _running.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
            {
                // Stopping the server ends its loop by cancellation.
            }
        }

        _stop.Dispose();
        lock (_lock)
        {
            foreach (var message in _messages)
            {
                message.Dispose();
            }
        }
    }
}
