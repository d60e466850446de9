using System.Net.Http.Headers;

namespace Sleek.Workflows.Host.Tests.Infrastructure;

/// <summary>Adds the database admin's bearer token (<see cref="TestAuth"/>) to requests that carry none, except /health.</summary>
internal sealed class AdminTokenHandler(Uri baseAddress, string databaseKey) : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null && request.RequestUri?.AbsolutePath != "/health")
        {
            var token = await TestAuth.AdminTokenAsync(databaseKey, () => new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) });
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
