namespace Sleek.Workflows.Host.Identity;

/// <summary>
/// How an audited action ended (<see cref="AuditEntry.Outcome"/>). Stored, and shown by the API, as its snake_case
/// name (<c>"success"</c>, <c>"failure"</c>, <c>"denied"</c>, <c>"limited"</c>; see <see cref="AuditOutcomeNames"/>).
/// </summary>
public enum AuditOutcome
{
    /// <summary>It was done.</summary>
    Success,

    /// <summary>Refused for a reason other than permissions (invalid input, conflict, wrong password).</summary>
    Failure,

    /// <summary>Refused: not allowed (401/403, cross-tenant, bad signature, refused bootstrap).</summary>
    Denied,

    /// <summary>Refused by a rate limit.</summary>
    Limited,
}
