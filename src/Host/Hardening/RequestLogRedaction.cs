using Serilog.Events;

namespace Sleek.Workflows.Host.Hardening;

/// <summary>
/// The request log line without secrets: the path comes from the route pattern where a route value is a
/// credential (a bookmark token resumes a workflow), and the query string is never logged.
/// </summary>
internal static class RequestLogRedaction
{
    private static readonly string[] SecretRouteValues = ["token", "key"];

    public static IEnumerable<LogEventProperty> Properties(HttpContext http, string path, double elapsedMs, int statusCode) =>
    [
        new("RequestMethod", new ScalarValue(http.Request.Method)),
        new("RequestPath", new ScalarValue(Redact(http, path))),
        new("StatusCode", new ScalarValue(statusCode)),
        new("Elapsed", new ScalarValue(elapsedMs)),
    ];

    /// <summary>The request's path as it may be logged: no credential in it (see <see cref="SecretRedaction"/>), no query string.</summary>
    public static string PathOf(HttpContext http) => SecretRedaction.Redact(Redact(http, http.Request.Path.Value ?? ""));

    private static string Redact(HttpContext http, string path)
    {
        var values = http.Request.RouteValues;
        foreach (var name in SecretRouteValues)
        {
            if (values.TryGetValue(name, out var value) && value is string secret && secret.Length > 0)
            {
                path = path.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return path;
    }
}
