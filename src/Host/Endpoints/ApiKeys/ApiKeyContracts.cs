using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Endpoints.ApiKeys;

/// <summary>Body of <c>POST /api/api-keys</c>.</summary>
/// <param name="Name">What the key is for (at most 100 characters).</param>
/// <param name="Scopes">What it may do: one or more of the API scopes.</param>
/// <param name="PartyRole">supplier, factory or buyer: the party it acts for (with <paramref name="PartyId"/>).</param>
/// <param name="PartyId">That party's id.</param>
/// <param name="ExpiresInDays">1 to 3650; leave out for a key that does not expire.</param>
internal sealed record CreateKeyBody(string? Name, string[]? Scopes, string? PartyRole, string? PartyId, int? ExpiresInDays);

/// <summary>A key as lists show it (never the key itself).</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">What it is for.</param>
/// <param name="Prefix">The key's first characters, to recognise it.</param>
/// <param name="Scopes">What it may do.</param>
/// <param name="PartyRole">The party role it acts in, if bound.</param>
/// <param name="PartyId">The party it acts for, if bound.</param>
/// <param name="CreatedAt">UTC.</param>
/// <param name="CreatedBy">The admin's user id.</param>
/// <param name="ExpiresAt">UTC, if it expires.</param>
/// <param name="RevokedAt">UTC, once revoked.</param>
/// <param name="LastUsedAt">UTC.</param>
internal sealed record ApiKeyDto(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, string? PartyRole, string? PartyId, DateTime CreatedAt, string CreatedBy, DateTime? ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt)
{
    public static ApiKeyDto From(ApiKeyRecord k) =>
        new(k.Id, k.Name, k.Prefix, k.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), k.PartyRole, k.PartyId, k.CreatedAt, k.CreatedBy, k.ExpiresAt, k.RevokedAt, k.LastUsedAt);
}

/// <summary>Answer of <c>POST /api/api-keys</c>: the key, shown this once, and how lists show it.</summary>
/// <param name="Key">Send it as <c>X-Api-Key</c>; it cannot be read again.</param>
/// <param name="ApiKey">The key's record.</param>
internal sealed record CreatedApiKey(string Key, ApiKeyDto ApiKey);
