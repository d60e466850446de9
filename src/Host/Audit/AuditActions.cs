namespace Sleek.Workflows.Host.Audit;

/// <summary>Names of security events in the audit log (mutations are recorded as <c>METHOD route-pattern</c>).</summary>
public static class AuditActions
{
    /// <summary>A successful sign-in.</summary>
    public const string Login = "auth.login";

    /// <summary>Wrong e-mail or password, or a locked/pending account.</summary>
    public const string LoginFailed = "auth.login_failed";

    /// <summary>An account was locked after too many failures.</summary>
    public const string Lockout = "auth.lockout";

    /// <summary>Self-registration.</summary>
    public const string Register = "auth.register";

    /// <summary>The first admin was created.</summary>
    public const string BootstrapAdmin = "auth.bootstrap_admin";

    /// <summary>A bootstrap attempt was refused (disabled, wrong token, admin exists).</summary>
    public const string BootstrapRefused = "auth.bootstrap_refused";

    /// <summary>The first admin was created through the one-time setup link.</summary>
    public const string SetupAdmin = "auth.setup_admin";

    /// <summary>A setup attempt was refused (setup done, links off, unknown, expired or used token).</summary>
    public const string SetupRefused = "auth.setup_refused";

    /// <summary>A request was refused by a rate limit.</summary>
    public const string RateLimited = "ratelimit.hit";

    /// <summary>A webhook with a missing or wrong signature.</summary>
    public const string WebhookBadSignature = "webhook.bad_signature";

    /// <summary>A signed-in caller was refused by an endpoint's policy (403).</summary>
    public const string Forbidden = "access.forbidden";

    /// <summary>A caller asked for another party's order, quote, invoice or task.</summary>
    public const string CrossTenant = "access.cross_tenant";
}
