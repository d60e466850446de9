using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Sleek.Workflows.Host.Tests.Infrastructure;

/// <summary>
/// Test-only: the in-memory server has no client address, so tests that need per-IP partitions name one in
/// <c>X-Test-Client-Ip</c>. Registered by <see cref="SleekHost"/> only; the production host never reads it.
/// </summary>
internal sealed class TestClientIp : IStartupFilter
{
    public const string Header = "X-Test-Client-Ip";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext http, RequestDelegate nextMiddleware) =>
        {
            if (http.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value.ToString(), out var ip))
            {
                http.Connection.RemoteIpAddress = ip;
            }

            return nextMiddleware(http);
        });
        next(app);
    };
}
