namespace Sleek.Workflows.Host.Identity;

/// <summary>One audited action or security event (table <c>audit_log</c>): who, what, on what, how it ended, from where, when.</summary>
public sealed class AuditEntry
{
    /// <summary>Id (time-ordered).</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>UTC.</summary>
    public DateTime At { get; set; }

    /// <summary>User id, <c>apikey:&lt;id&gt;</c>, or <c>anonymous</c>.</summary>
    public string Actor { get; set; } = "";

    /// <summary>The actor's e-mail or key name, when known.</summary>
    public string? ActorName { get; set; }

    /// <summary>The actor's role, when signed in.</summary>
    public string? Role { get; set; }

    /// <summary>e.g. <c>auth.login_failed</c> or <c>POST /api/workflows/{definitionId}/publish</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What it was done to (route values, an e-mail, a partition).</summary>
    public string? Target { get; set; }

    /// <summary>How it ended.</summary>
    public AuditOutcome Outcome { get; set; }

    /// <summary>HTTP status answered, when there was one.</summary>
    public int? StatusCode { get; set; }

    /// <summary>Client address.</summary>
    public string? Ip { get; set; }

    /// <summary>Short free text; never a secret.</summary>
    public string? Details { get; set; }
}
