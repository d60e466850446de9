using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Audit;

/// <summary>
/// Records audited actions and security events (table <c>audit_log</c>). The actor, role and IP are taken
/// from the request when given. Never throws: a failure to write is logged as an error, so
/// callers (e.g. the Stripe webhook on a bad signature) can call it on any path.
/// </summary>
public interface IAuditLog
{
    /// <summary>Writes one entry. <paramref name="action"/>: one of <see cref="AuditActions"/> or <c>METHOD route</c>.</summary>
    Task RecordAsync(HttpContext? http, string action, AuditOutcome outcome, string? target = null, string? details = null, int? statusCode = null, CancellationToken cancellationToken = default);
}
