using System.Net;
using System.Text;

namespace Sleek.Workflows.Host.Tests.Infrastructure;

/// <summary>
/// A partner endpoint faked at the HTTP boundary: the first <paramref name="failures"/> calls fail like
/// a refused connection, later calls answer 200 with <c>{"ok": true}</c>. It records the
/// <c>Idempotency-Key</c> of each call.
/// </summary>
internal sealed class FlakyPartner(int failures = 1) : HttpMessageHandler
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string?> _keys = new();
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The Idempotency-Key header of each call, in order.</summary>
    public IReadOnlyList<string?> IdempotencyKeys => [.. _keys];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _keys.Enqueue(request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.FirstOrDefault() : null);
        if (Interlocked.Increment(ref _calls) <= failures)
        {
            throw new HttpRequestException("Connection refused (partner.test:80)", null, HttpStatusCode.ServiceUnavailable);
        }

        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new StringContent("""{"ok":true}""", Encoding.UTF8, "application/json"),
        });
    }
}
