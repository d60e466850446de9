namespace Sleek.Workflows.Host.RateLimits;

/// <summary>Section <c>RateLimits</c>: the limits of docs/domain.md and of the sign-in endpoints.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Anonymous quote requests per IP per UTC day.</summary>
    public int QuotesPerIpPerDay { get; set; } = 15;

    /// <summary>Quote requests per signed-in user per UTC day.</summary>
    public int QuotesPerUserPerDay { get; set; } = 20;

    /// <summary>Quote requests per anonymous session per UTC day.</summary>
    public int QuotesPerSessionPerDay { get; set; } = 3;

    /// <summary>Bootstrap attempts per IP per hour.</summary>
    public int BootstrapPerIpPerHour { get; set; } = 3;

    /// <summary>Sign-in attempts per IP per minute (accounts also lock after repeated failures).</summary>
    public int LoginPerIpPerMinute { get; set; } = 20;

    /// <summary>Registrations per IP per hour.</summary>
    public int RegisterPerIpPerHour { get; set; } = 10;

    /// <summary>
    /// Self-registered accounts younger than this many days also count their quotes against the IP's anonymous
    /// budget (<see cref="QuotesPerIpPerDay"/>), so registering accounts cannot multiply it; 0 turns that off.
    /// </summary>
    public int NewAccountDays { get; set; } = 7;

    /// <summary>Refresh-token exchanges per IP per minute.</summary>
    public int RefreshPerIpPerMinute { get; set; } = 60;

    /// <summary>Password-reset requests per IP per hour (and at most 3 e-mails per account per hour).</summary>
    public int PasswordResetPerIpPerHour { get; set; } = 5;

    /// <summary>
    /// Capability-link views and acceptances per IP per minute. The token cannot be guessed; this bounds what a flood of
    /// forged links costs (each refusal is an audit row) while a buyer clicking about stays far below it.
    /// </summary>
    public int QuoteLinksPerIpPerMinute { get; set; } = 60;

    /// <summary>Requests to a public hook route (<c>"auth": "public"</c>) per IP per minute.</summary>
    public int PublicHooksPerIpPerMinute { get; set; } = 60;
}
