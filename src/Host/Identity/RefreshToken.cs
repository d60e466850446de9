namespace Sleek.Workflows.Host.Identity;

/// <summary>
/// One refresh token of a session (table <c>refresh_tokens</c>), stored as the SHA-256 of the token (256 random bits,
/// so a slow hash adds nothing), never the token. Good once: a refresh marks it used and issues the next one; a used
/// token presented again means a copy exists, and its whole session is revoked.
/// </summary>
public sealed class RefreshToken
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The session (family) it belongs to.</summary>
    public Guid SessionId { get; set; }

    /// <summary>Hex SHA-256 of the token; unique.</summary>
    public string Hash { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Refused from this time on (UTC).</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>When it was exchanged for the next one (UTC); null while it is the current one.</summary>
    public DateTime? UsedAt { get; set; }
}
