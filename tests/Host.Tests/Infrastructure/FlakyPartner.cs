using System.Net;
using System.Text;

namespace Sleek.Workflows.Host.Tests.Infrastructure;

/// <summary>
/// A partner endpoint faked at the HTTP boundary: the first call fails like a refused connection,
/// later calls answer 200 with <c>{"ok": true}</c>.
/// </summary>
internal sealed class FlakyPartner : HttpMessageHandler
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) == 1)
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
