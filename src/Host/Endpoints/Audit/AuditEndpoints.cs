using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Endpoints.Audit;

/// <summary><c>GET /api/audit</c> (admin): the audit log, newest first, filtered and paged.</summary>
internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", ListAsync)
            .RequireAuthorization(SleekPolicies.Admin)
            .WithTags("Audit")
            .WithName("ListAuditEntries")
            .WithSummary("Audit entries, newest first: actor (id or e-mail), action (prefix, e.g. auth.), target (prefix), outcome (success, failure, denied, limited), from/to (UTC), paged.");

    private static async Task<Results<Ok<Paged<AuditEntryDto>>, BadRequestProblem>> ListAsync(
        string? actor, string? action, string? target, string? outcome, DateTime? from, DateTime? to, [AsParameters] PageRequest paging, AuditQueries queries, CancellationToken cancellationToken)
    {
        if (paging.Problem() is { } problem)
        {
            return problem;
        }

        AuditOutcome? parsed = null;
        if (outcome is not null)
        {
            if (!AuditOutcomeNames.TryParse(outcome, out var known))
            {
                return Problems.Invalid("outcome", "must be success, failure, denied or limited");
            }

            parsed = known;
        }

        if (actor is { Length: > 200 } || action is { Length: > 200 } || target is { Length: > 500 })
        {
            return Problems.Invalid(actor is { Length: > 200 } ? "actor" : action is { Length: > 200 } ? "action" : "target", "is too long");
        }

        return TypedResults.Ok(await queries.ListAsync(new AuditFilter(actor, action, target, parsed, from, to), paging, cancellationToken));
    }
}
