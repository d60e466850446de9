using System.Net;
using System.Text;

namespace Sleek.Workflows.Host.Tests.Infrastructure;

/// <summary>
/// A partner endpoint faked at the HTTP boundary that holds every call until <see cref="Open"/>, then
/// answers 200 <c>{"ok": true}</c>: keeps a request's burst running for as long as a test needs.
/// </summary>
internal sealed class GatedPartner : HttpMessageHandler
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _called = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Completes when the first call is being held.</summary>
    public Task Called => _called.Task;

    public void Open() => _open.TrySetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        _called.TrySetResult();
        await _open.Task.WaitAsync(cancellationToken);
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new StringContent("""{"ok":true}""", Encoding.UTF8, "application/json"),
        };
    }
}
