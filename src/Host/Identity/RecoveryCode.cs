namespace Sleek.Workflows.Host.Identity;

/// <summary>
/// A two-factor recovery code (table <c>recovery_codes</c>): for signing in without the authenticator, once each.
/// Stored as the SHA-256 of the code (80 random bits), never the code; a new enrolment replaces the set.
/// </summary>
public sealed class RecoveryCode
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Whose code it is.</summary>
    public Guid UserId { get; set; }

    /// <summary>Hex SHA-256 of the normalised code.</summary>
    public string Hash { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it was used (UTC); a used code is refused.</summary>
    public DateTime? UsedAt { get; set; }
}
