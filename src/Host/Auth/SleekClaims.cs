namespace Sleek.Workflows.Host.Auth;

/// <summary>Claim types of Sleek principals (JWT names, not mapped to the long XML-SOAP ones).</summary>
public static class SleekClaims
{
    /// <summary>User id, or <c>apikey:&lt;id&gt;</c>.</summary>
    public const string Subject = "sub";

    /// <summary>E-mail of a user, name of a key.</summary>
    public const string Name = "name";

    /// <summary>A user's role.</summary>
    public const string Role = "role";

    /// <summary>Supplier id of supplier/factory users; the party of a bound API key.</summary>
    public const string Party = "party";

    /// <summary>The party role of a bound API key (supplier, factory, buyer).</summary>
    public const string PartyRole = "party_role";

    /// <summary>One claim per API key scope.</summary>
    public const string Scope = "scope";

    /// <summary>The user's security stamp when the token was issued; a token with an older one is refused.</summary>
    public const string Stamp = "stamp";

    /// <summary>The sign-in session (refresh-token family) the token belongs to; refused once it is revoked.</summary>
    public const string Session = "sid";

    /// <summary>The one quote a capability link opens (no account): see <see cref="QuoteLinkCaller"/>.</summary>
    public const string QuoteLink = "quote_link";
}
