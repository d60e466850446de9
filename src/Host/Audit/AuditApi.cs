using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Apis;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Audit;

/// <summary><c>GET /api/audit</c> (admin): the audit log, newest first, filtered and paged.</summary>
internal static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", ListAsync)
            .RequireAuthorization(SleekPolicies.Admin)
            .WithTags("Audit")
            .WithSummary("Audit entries, newest first: actor (id or e-mail), action (prefix, e.g. auth.), target (prefix), outcome (success, failure, denied, limited), from/to (UTC), paged.");

    private static async Task<IResult> ListAsync(string? actor, string? action, string? target, string? outcome, DateTime? from, DateTime? to, int? page, int? pageSize, SecurityDb securityDb, AuditLog log, CancellationToken cancellationToken)
    {
        if (page is < 1)
        {
            return Problems.Invalid("page", "must be 1 or more");
        }

        if (pageSize is < 1 or > InstanceQueries.MaxPageSize)
        {
            return Problems.Invalid("pageSize", $"must be between 1 and {InstanceQueries.MaxPageSize}");
        }

        if (outcome is not null and not (AuditOutcomes.Success or AuditOutcomes.Failure or AuditOutcomes.Denied or AuditOutcomes.Limited))
        {
            return Problems.Invalid("outcome", "must be success, failure, denied or limited");
        }

        if (actor is { Length: > 200 } || action is { Length: > 200 } || target is { Length: > 500 })
        {
            return Problems.Invalid(actor is { Length: > 200 } ? "actor" : action is { Length: > 200 } ? "action" : "target", "is too long");
        }

        // Entries are written in the background: include everything recorded before this request.
        await log.FlushAsync(cancellationToken);
        await using var db = securityDb.CreateContext();
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrEmpty(actor))
        {
            var lowered = actor.ToLowerInvariant();
            query = query.Where(e => e.Actor == actor || e.ActorName == lowered);
        }

        if (!string.IsNullOrEmpty(action))
        {
            query = query.Where(e => e.Action.StartsWith(action));
        }

        if (!string.IsNullOrEmpty(target))
        {
            query = query.Where(e => e.Target != null && e.Target.StartsWith(target));
        }

        if (outcome is not null)
        {
            query = query.Where(e => e.Outcome == outcome);
        }

        if (from is { } f)
        {
            var utc = f.ToUniversalTime();
            query = query.Where(e => e.At >= utc);
        }

        if (to is { } t)
        {
            var utc = t.ToUniversalTime();
            query = query.Where(e => e.At < utc);
        }

        var (p, size) = (page ?? 1, pageSize ?? 50);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip((p - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new { items, page = p, pageSize = size, total });
    }
}
