namespace Sleek.Workflows.Host.Identity;

/// <summary>
/// One sign-in (table <c>auth_sessions</c>): the family of refresh tokens it rotates through, and the <c>sid</c> of
/// every access token issued in it. Revoking it ends the whole family, and its access tokens are refused at once.
/// </summary>
public sealed class AuthSession
{
    /// <summary>Id; the <c>sid</c> claim of its access tokens.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The user signed in.</summary>
    public Guid UserId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Last refresh (UTC).</summary>
    public DateTime LastUsedAt { get; set; }

    /// <summary>Expiry of its newest refresh token (UTC); each refresh moves it on.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>Ended from this time on (UTC).</summary>
    public DateTime? RevokedAt { get; set; }

    /// <summary>Why it ended.</summary>
    public SessionEnd? RevokedReason { get; set; }

    /// <summary>Where the sign-in came from.</summary>
    public string? Ip { get; set; }
}
