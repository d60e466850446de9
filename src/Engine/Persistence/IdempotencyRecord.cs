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
    /// Identifies this use of the key; kept when a repeat takes over an abandoned claim, new when an expired
    /// key is used again. A handler may use it as the id of what the request creates, so a run repeated
    /// after its host died finds what the first run created instead of creating it twice.
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
}
