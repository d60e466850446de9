namespace Sleek.Workflows.Host.RateLimits;

/// <summary>Names of the limits an endpoint can opt into with <see cref="RateLimitExtensions.WithSleekRateLimit{TBuilder}"/>.</summary>
public static class RateLimitPolicies
{
    /// <summary>Quote requests: anonymous callers per IP and per anonymous session, signed-in callers per user (and new self-registered accounts per IP too).</summary>
    public const string Quotes = "quotes";

    /// <summary>First-admin bootstrap, per IP.</summary>
    public const string Bootstrap = "bootstrap";

    /// <summary>Sign-in, per IP.</summary>
    public const string Login = "login";

    /// <summary>Self-registration, per IP.</summary>
    public const string Register = "register";

    /// <summary>Refresh-token exchange, per IP.</summary>
    public const string Refresh = "refresh";

    /// <summary>Password-reset requests, per IP.</summary>
    public const string PasswordReset = "password-reset";

    /// <summary>Quotes opened or accepted by their capability link, per IP.</summary>
    public const string QuoteLinks = "quote-links";

    /// <summary>Hook routes: public ones per IP (other routes are not counted: their callers hold a key or an account).</summary>
    public const string Hooks = "hooks";
}
