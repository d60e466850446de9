using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Endpoints.Audit;

/// <summary>The filters of <c>GET /api/audit</c> (checked by the endpoint).</summary>
/// <param name="Actor">User id, <c>apikey:&lt;id&gt;</c>, or an e-mail.</param>
/// <param name="Action">Prefix of the action.</param>
/// <param name="Target">Prefix of the target.</param>
/// <param name="Outcome">success, failure, denied or limited.</param>
/// <param name="From">From this time (inclusive).</param>
/// <param name="To">Before this time.</param>
internal sealed record AuditFilter(string? Actor, string? Action, string? Target, AuditOutcome? Outcome, DateTime? From, DateTime? To);

/// <summary>One audited action or security event: who, what, on what, how it ended, from where, when.</summary>
/// <param name="Id">Id (time-ordered).</param>
/// <param name="At">UTC.</param>
/// <param name="Actor">User id, <c>apikey:&lt;id&gt;</c>, or <c>anonymous</c>.</param>
/// <param name="ActorName">The actor's e-mail or key name, when known.</param>
/// <param name="Role">The actor's role, when signed in.</param>
/// <param name="Action">e.g. <c>auth.login_failed</c> or <c>POST /api/workflows/{definitionId}/publish</c>.</param>
/// <param name="Target">What it was done to.</param>
/// <param name="Outcome">success, failure, denied or limited.</param>
/// <param name="StatusCode">HTTP status answered, when there was one.</param>
/// <param name="Ip">Client address.</param>
/// <param name="Details">Short free text; never a secret.</param>
internal sealed record AuditEntryDto(Guid Id, DateTime At, string Actor, string? ActorName, string? Role, string Action, string? Target, string Outcome, int? StatusCode, string? Ip, string? Details)
{
    public static AuditEntryDto From(AuditEntry e) => new(e.Id, e.At, e.Actor, e.ActorName, e.Role, e.Action, e.Target, e.Outcome.ToName(), e.StatusCode, e.Ip, e.Details);
}
