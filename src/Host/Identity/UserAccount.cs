namespace Sleek.Workflows.Host.Identity;

/// <summary>A person who signs in (table <c>users</c>): one role, and for supplier/factory staff the supplier they work for.</summary>
public sealed class UserAccount
{
    /// <summary>Id; the <c>sub</c> of the user's tokens.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Sign-in name, stored lower-case; unique.</summary>
    public string Email { get; set; } = "";

    /// <summary>Shown in the audit log and the UI.</summary>
    public string? DisplayName { get; set; }

    /// <summary>One of <see cref="Auth.SleekRoles"/>.</summary>
    public string Role { get; set; } = "";

    /// <summary>For supplier and factory users the supplier id (their orders and tasks); null otherwise.</summary>
    public string? PartyId { get; set; }

    /// <summary>ASP.NET Core Identity's PBKDF2 hash (format v3), never the password.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>Active, or pending for a self-registered supplier an admin has not approved yet.</summary>
    public UserStatus Status { get; set; } = UserStatus.Active;

    /// <summary>Failed sign-ins since the last success or lockout.</summary>
    public int FailedLogins { get; set; }

    /// <summary>While in the future, sign-in is refused even with the right password (UTC).</summary>
    public DateTime? LockedUntil { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Who created it: a user id, or <c>self</c> / <c>bootstrap</c>.</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime? LastLoginAt { get; set; }
}
