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

    /// <summary>
    /// Changes whenever what a token vouches for changes (role, party, status, password, two-factor): every access
    /// token carries the stamp it was issued with, and one with an older stamp is refused (see <see cref="Auth.UserStates"/>).
    /// </summary>
    public string SecurityStamp { get; set; } = Auth.UserStates.NewStamp();

    /// <summary>Sign-in asks for a TOTP code (or a recovery code) after the password.</summary>
    public bool TwoFactorEnabled { get; set; }

    /// <summary>The TOTP secret, encrypted (<see cref="Auth.TwoFactorSecrets"/>); set at enrolment, confirmed by the first code.</summary>
    public string? TwoFactorSecret { get; set; }

    /// <summary>The 30-second step of the last TOTP code accepted: a code is good once (RFC 6238 §5.2).</summary>
    public long? TwoFactorLastStep { get; set; }

    /// <summary>When an admin deleted (anonymised) the account (UTC).</summary>
    public DateTime? DeletedAt { get; set; }
}
