namespace Sleek.Workflows.Host.Identity;

/// <summary>Values of <see cref="AuditEntry.Outcome"/>.</summary>
public static class AuditOutcomes
{
    /// <summary>It was done.</summary>
    public const string Success = "success";

    /// <summary>Refused for a reason other than permissions (invalid input, conflict, wrong password).</summary>
    public const string Failure = "failure";

    /// <summary>Refused: not allowed (401/403, cross-tenant, bad signature, refused bootstrap).</summary>
    public const string Denied = "denied";

    /// <summary>Refused by a rate limit.</summary>
    public const string Limited = "limited";
}
