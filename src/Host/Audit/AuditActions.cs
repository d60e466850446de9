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

    /// <summary>A caller asked for another party's order, quote, invoice, task, instance or wait, or for a wait its party may not resume.</summary>
    public const string CrossTenant = "access.cross_tenant";

    /// <summary>A resume the domain refused for now (e.g. a task of an order on hold).</summary>
    public const string ResumeRefused = "resume.refused";

    /// <summary>A wait resumed through its bookmark's token.</summary>
    public const string BookmarkResumed = "bookmark.resumed";

    /// <summary>A wait resumed by a published event (one entry per wait).</summary>
    public const string EventPublished = "event.published";

    /// <summary>A human task completed through the task API.</summary>
    public const string TaskCompleted = "task.completed";

    /// <summary>A bearer token was refused although well signed: its user changed or is gone, or its session ended.</summary>
    public const string TokenRefused = "auth.token_refused";

    /// <summary>A refresh token was refused (unknown, expired, revoked session, inactive user).</summary>
    public const string RefreshRefused = "auth.refresh_refused";

    /// <summary>A used refresh token came back: its whole session was revoked.</summary>
    public const string RefreshReuse = "auth.refresh_reuse";

    /// <summary>Sign-out: a session was revoked by its user.</summary>
    public const string Logout = "auth.logout";

    /// <summary>A signed-in user changed their password.</summary>
    public const string PasswordChanged = "auth.password_changed";

    /// <summary>A password change was refused (wrong current password, locked account).</summary>
    public const string PasswordChangeFailed = "auth.password_change_failed";

    /// <summary>Someone asked for a password-reset link for an address.</summary>
    public const string PasswordResetRequested = "auth.password_reset_requested";

    /// <summary>A password was reset with a link.</summary>
    public const string PasswordReset = "auth.password_reset";

    /// <summary>A reset link was refused (unknown, used or expired).</summary>
    public const string PasswordResetFailed = "auth.password_reset_failed";

    /// <summary>A user turned two-factor sign-in on.</summary>
    public const string TwoFactorEnabled = "auth.two_factor_enabled";

    /// <summary>A wrong or replayed code (or recovery code) at the second step.</summary>
    public const string TwoFactorFailed = "auth.two_factor_failed";

    /// <summary>A recovery code was used to sign in.</summary>
    public const string RecoveryCodeUsed = "auth.recovery_code_used";

    /// <summary>A quote's capability link was refused (tampered, expired or for another quote).</summary>
    public const string QuoteLinkRefused = "quote_link.refused";

    /// <summary>A buyer claimed the quotes asked for with its e-mail before it had an account.</summary>
    public const string QuotesClaimed = "quotes.claimed";

    /// <summary>A quote claim link was refused (tampered, expired or another account's).</summary>
    public const string QuoteClaimRefused = "quotes.claim_refused";
}
