using System.Security.Claims;

namespace Sleek.Workflows.Host.Auth;

/// <summary>Who is calling, read once from the principal: what resource checks in the handlers decide on.</summary>
/// <param name="Id">User id, <c>apikey:&lt;id&gt;</c>, or null when anonymous.</param>
/// <param name="Name">E-mail or key name.</param>
/// <param name="Role">A user's role; null for API keys and anonymous callers.</param>
/// <param name="PartyId">Supplier id (supplier/factory users) or a bound key's party.</param>
/// <param name="PartyRole">The role a bound key acts in.</param>
/// <param name="Scopes">An API key's scopes.</param>
public sealed record SleekCaller(string? Id, string? Name, string? Role, string? PartyId, string? PartyRole, IReadOnlySet<string> Scopes)
{
    /// <summary>True for API keys.</summary>
    public bool IsApiKey => Id?.StartsWith("apikey:", StringComparison.Ordinal) == true;

    /// <summary>Admin.</summary>
    public bool IsAdmin => Role == SleekRoles.Admin;

    /// <summary>Admin or ops: sees every order, quote, invoice, instance and task.</summary>
    public bool IsStaff => Role is SleekRoles.Admin or SleekRoles.Ops;

    /// <summary>The role the caller acts in: a user's role, or a bound key's party role.</summary>
    public string? ActingRole => Role ?? PartyRole;

    /// <summary>The quote a capability link opened: this caller has no account and may act on that quote only.</summary>
    public Guid? QuoteLink { get; init; }

    /// <summary>Reads the caller from the request's principal.</summary>
    public static SleekCaller From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return new SleekCaller(null, null, null, null, null, new HashSet<string>());
        }

        return new SleekCaller(
            user.FindFirstValue(SleekClaims.Subject),
            user.FindFirstValue(SleekClaims.Name),
            user.FindFirstValue(SleekClaims.Role),
            user.FindFirstValue(SleekClaims.Party),
            user.FindFirstValue(SleekClaims.PartyRole),
            user.FindAll(SleekClaims.Scope).Select(c => c.Value).ToHashSet(StringComparer.Ordinal))
        {
            QuoteLink = Guid.TryParse(user.FindFirstValue(SleekClaims.QuoteLink), out var quote) ? quote : null,
        };
    }

    /// <summary>True for an API key with this scope.</summary>
    public bool HasScope(string scope) => IsApiKey && Scopes.Contains(scope);
}
