namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// A client's idempotency key and the response its first request got. While that request runs,
/// <see cref="StatusCode"/> is null (in flight); afterwards a repeat with the same key is answered
/// from here instead of being run again. Kept in the database so every host of a cluster sees it.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>Longest key a client may send.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>Where the key applies: endpoint and caller, so two clients (or endpoints) never share keys.</summary>
    public string Scope { get; set; } = "";

    /// <summary>The client's key.</summary>
    public string IdempotencyKey { get; set; } = "";

    /// <summary>
    /// Identifies this use of the key: <see cref="ClaimIdFor"/> of scope, key and request, so the same request with the
    /// same key always gets the same id (also after an outage that left no row behind). A handler may use it as the id
    /// of what the request creates, so a run repeated after its host died, or after its commit's outcome was unknown,
    /// finds what the first run created instead of creating it twice.
    /// </summary>
    public Guid ClaimId { get; set; }

    /// <summary>Hash of the first request (method, path, body); a repeat with another request is refused.</summary>
    public string RequestHash { get; set; } = "";

    /// <summary>Status of the stored response; null while the first request is in flight.</summary>
    public int? StatusCode { get; set; }

    /// <summary>Content type of the stored response.</summary>
    public string? ContentType { get; set; }

    /// <summary>Location header of the stored response (201 Created).</summary>
    public string? Location { get; set; }

    /// <summary>Body of the stored response (UTF-8 text, JSON here).</summary>
    public string? ResponseBody { get; set; }

    /// <summary>When the first request began (UTC); it also identifies that request's claim.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// While in flight: the first request's host renews this as it runs; once it has passed, the request
    /// counts as abandoned (its host died) and a repeat may run it.
    /// </summary>
    public DateTime? LockedUntil { get; set; }

    /// <summary>The worker (<c>machine:pid</c>) that runs or ran the first request.</summary>
    public string? Owner { get; set; }

    /// <summary>When the response was stored (UTC).</summary>
    public DateTime? CompletedAt { get; set; }

    /// <summary>After this (UTC) the key is forgotten and may be used again.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>
    /// The claim id of <paramref name="key"/> used in <paramref name="scope"/> for the request <paramref name="requestHash"/>:
    /// a name-based UUID (version 8) of the three, the same on every host and every repeat.
    /// </summary>
    public static Guid ClaimIdFor(string scope, string key, string requestHash)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{scope}\n{key}\n{requestHash}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8 (RFC 9562, custom)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // variant 10
        return new Guid(bytes, bigEndian: true);
    }
}
