using System.Globalization;

namespace Sleek.Workflows.Host.Endpoints.Live;

/// <summary>
/// How long one live stream may stay open: until the caller's access token expires, and never longer than
/// <see cref="Longest"/>. Access is checked when a stream opens; ending it here makes the client reconnect (with
/// <c>Last-Event-ID</c>, losing nothing) and be checked again, so a disabled account, a revoked session or key, or a
/// party that lost an order stops hearing of it within that time.
/// </summary>
internal static class StreamLifetime
{
    /// <summary>The longest a stream stays open (API keys and long-lived tokens included).</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(15);

    /// <summary>A token cancelled when the client goes away or the stream's time is up; dispose the source with the stream.</summary>
    public static CancellationTokenSource For(HttpContext http)
    {
        var lifetime = Longest;
        if (http.User.FindFirst("exp")?.Value is { } exp && long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            var left = DateTimeOffset.FromUnixTimeSeconds(seconds) - DateTimeOffset.UtcNow;
            lifetime = left < lifetime ? (left > TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1)) : lifetime;
        }

        var source = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        source.CancelAfter(lifetime);
        http.Response.RegisterForDispose(source);
        return source;
    }
}
