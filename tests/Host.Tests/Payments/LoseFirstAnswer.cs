namespace Sleek.Workflows.Host.Tests.Payments;

/// <summary>
/// Lets the first request reach Stripe, then loses its answer (as a dropped connection would): the
/// intent exists at Stripe but the activity never heard of it, so only the idempotency key can save us.
/// </summary>
internal sealed class LoseFirstAnswer(LoseFirstAnswer.Counter counter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (Interlocked.Increment(ref counter.Calls) == 1)
        {
            response.Dispose();
            throw new HttpRequestException("connection reset after the request was sent (test)");
        }

        return response;
    }

    /// <summary>Shared by the handlers the factory builds.</summary>
    internal sealed class Counter
    {
        public int Calls;
    }
}
