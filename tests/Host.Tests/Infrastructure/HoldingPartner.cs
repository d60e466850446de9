using System.Net;
using System.Text;

namespace Sleek.Workflows.Host.Tests.Infrastructure;

/// <summary>
/// A partner HTTP endpoint on 127.0.0.1 for host processes to call: requests are held unanswered
/// until <see cref="Release"/>, then (and from then on) answered 200 <c>{"ok":true}</c>. Lets a test
/// catch a host in the middle of a burst.
/// </summary>
public sealed class HoldingPartner : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;
    private int _calls;

    public HoldingPartner()
    {
        Url = $"http://127.0.0.1:{HostProcess.FreePort()}/slow/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public string Url { get; }

    /// <summary>Requests received so far.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Completes when the first request arrives (and is being held).</summary>
    public Task FirstCall => _firstCall.Task;

    /// <summary>Answers the held requests and every later one at once.</summary>
    public void Release() => _released.TrySetResult();

    public void Dispose()
    {
        Release();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under it.
        }
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                Interlocked.Increment(ref _calls);
                _firstCall.TrySetResult();
                await _released.Task;
                try
                {
                    var body = Encoding.UTF8.GetBytes("""{"ok":true}""");
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "application/json";
                    await context.Response.OutputStream.WriteAsync(body);
                    context.Response.Close();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
                {
                    // The caller died while held (that is the point of holding it).
                }
            });
        }
    }
}
