namespace Sleek.Workflows.Host.Auth;

/// <summary>Section <c>Auth</c>: tokens, sessions, two-factor, bootstrap and lockout (see the configuration table in README.md).</summary>
public sealed class AuthOptions
{
    /// <summary>JWT signing key (UTF-8, at least 32 bytes); unset: generated once into the data folder.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Enables <c>POST /api/auth/bootstrap-admin</c>; unset: that endpoint refuses.</summary>
    public string? BootstrapToken { get; set; }

    /// <summary>Token issuer (validated).</summary>
    public string Issuer { get; set; } = "sleek-workflows";

    /// <summary>Token audience (validated).</summary>
    public string Audience { get; set; } = "sleek-workflows-api";

    /// <summary>Access token lifetime (fractions allowed, from 0.05 = 3 s, for tests of expiry).</summary>
    public double AccessTokenMinutes { get; set; } = 15;

    /// <summary>A refresh token is good this long after it was issued; each refresh issues the next one.</summary>
    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>A password-reset link is good this long.</summary>
    public int PasswordResetMinutes { get; set; } = 30;

    /// <summary>Admin and ops must sign in with a second factor; one without it enrols before getting a token.</summary>
    public bool RequireTwoFactorForStaff { get; set; }

    /// <summary>
    /// How long a host trusts what it read of a user's security stamp and status (and of a session's revocation).
    /// A change made on this host applies at once; on other hosts within this time.
    /// </summary>
    public double SecurityStampCacheSeconds { get; set; } = 5;

    /// <summary>Tolerated clock difference between hosts.</summary>
    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public int LockoutMinutes { get; set; } = 15;
}
