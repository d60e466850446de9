namespace Sleek.Workflows.Host.Identity;

/// <summary>
/// A password-reset link's token (table <c>password_reset_tokens</c>): only its SHA-256 is stored, it is good once
/// and for a short time (<c>Auth:PasswordResetMinutes</c>); asking again retires the earlier ones.
/// </summary>
public sealed class PasswordResetToken
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Whose password it resets.</summary>
    public Guid UserId { get; set; }

    /// <summary>Hex SHA-256 of the token; unique.</summary>
    public string Hash { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Refused from this time on (UTC).</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>When it was used, or retired by a newer request (UTC).</summary>
    public DateTime? UsedAt { get; set; }
}
