namespace Sleek.Workflows.Host.Hardening;

/// <summary>
/// Security headers on every answer: no MIME sniffing, no framing (X-Frame-Options and CSP frame-ancestors),
/// no referrer, and a CSP that lets the designer SPA (own scripts, inline styles of the flow canvas, data:
/// images) and the API reference (its inline bootstrap script) work while forbidding everything foreign.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string AppPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/scalar") ? ReferencePolicy : AppPolicy;
            return Task.CompletedTask;
        });
        return next(http);
    }
}
