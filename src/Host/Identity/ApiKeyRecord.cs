namespace Sleek.Workflows.Host.Identity;

/// <summary>
/// A machine client's key (table <c>api_keys</c>). Only a SHA-256 hash of the key is stored (keys are 256-bit
/// random, so a slow hash adds nothing); the prefix finds the row. Optionally bound to a party
/// (role + id), e.g. a supplier's system completing that supplier's tasks.
/// </summary>
public sealed class ApiKeyRecord
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>What it is for.</summary>
    public string Name { get; set; } = "";

    /// <summary>The public part of the key (<c>sk_&lt;prefix&gt;_…</c>); unique.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Hex SHA-256 of the whole key.</summary>
    public string Hash { get; set; } = "";

    /// <summary>Space-separated scopes (see <see cref="Auth.ApiScopes"/>).</summary>
    public string Scopes { get; set; } = "";

    /// <summary>The role of the party it acts for (supplier, factory, buyer), if any.</summary>
    public string? PartyRole { get; set; }

    /// <summary>The party it acts for (supplier id, user id), if any.</summary>
    public string? PartyId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The admin who created it.</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>Refused from this time on (UTC).</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>Refused once set (UTC).</summary>
    public DateTime? RevokedAt { get; set; }

    /// <summary>Last successful use, written at most once a minute (UTC).</summary>
    public DateTime? LastUsedAt { get; set; }
}
