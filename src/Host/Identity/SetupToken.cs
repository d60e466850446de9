namespace Sleek.Workflows.Host.Identity;

/// <summary>
/// The token of a one-time setup link (table <c>setup_tokens</c>): issued at start-up while no admin exists, valid
/// for an hour and for one use. Only its SHA-256 is stored, so the table gives nobody a working link.
/// </summary>
public sealed class SetupToken
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>SHA-256 of the token, lower-case hex; unique.</summary>
    public string Hash { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>After this (UTC) the link is refused.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>When the link created the first admin (UTC); a used link is refused.</summary>
    public DateTime? UsedAt { get; set; }

    /// <summary>The host that printed it (<c>machine:pid</c>), to tell several hosts' links apart.</summary>
    public string IssuedBy { get; set; } = "";
}
