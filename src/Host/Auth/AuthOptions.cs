namespace Sleek.Workflows.Host.Auth;

/// <summary>Section <c>Auth</c>: tokens, bootstrap and lockout (see the configuration table in README.md).</summary>
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

    /// <summary>Access token lifetime.</summary>
    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>Tolerated clock difference between hosts.</summary>
    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public int LockoutMinutes { get; set; } = 15;
}
