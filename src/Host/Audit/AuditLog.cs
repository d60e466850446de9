using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Audit;

/// <summary>Writes audit entries on their own connection (so they stay even when the request's work rolled back).</summary>
internal sealed class AuditLog(SecurityDb securityDb, TimeProvider clock, ILogger<AuditLog> logger) : IAuditLog
{
    public async Task RecordAsync(HttpContext? http, string action, string outcome, string? target = null, string? details = null, int? statusCode = null, CancellationToken cancellationToken = default)
    {
        var caller = http is null ? null : SleekCaller.From(http.User);
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Actor = caller?.Id ?? "anonymous",
            ActorName = Cut(caller?.Name, 200),
            Role = caller?.ActingRole,
            Action = Cut(action, 200)!,
            Target = Cut(target, 500),
            Outcome = outcome,
            StatusCode = statusCode,
            Ip = http is null ? null : Cut(ClientAddress.Of(http), 64),
            Details = Cut(details, 2000),
        };
        try
        {
            // Not the request's token: an aborted request's security event is still recorded.
            using var gate = await securityDb.WriteGateAsync(CancellationToken.None);
            await using var db = securityDb.CreateContext();
            db.AuditLog.Add(entry);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not write the audit entry {Action} ({Outcome}) by {Actor}", entry.Action, entry.Outcome, entry.Actor);
        }
    }

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
