namespace Sleek.Workflows.Marketplace.Email;

/// <summary>
/// How the <see cref="EmailDispatcher"/> works through the outbox (configuration section <c>Email</c>;
/// environment <c>Email__PollIntervalSeconds</c> etc.).
/// </summary>
public sealed class EmailDispatchOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Email";

    /// <summary>
    /// How often the outbox is checked for pending rows. A burst cannot signal the dispatcher across its
    /// transaction, so this is the latency between a burst's commit and the send (plus the send itself).
    /// </summary>
    public double PollIntervalSeconds { get; set; } = 1;

    /// <summary>Rows taken per round.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Tries in all before a row is marked failed (and an error logged).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failed try; each further failure doubles it, up to <see cref="MaxRetryDelaySeconds"/>.</summary>
    public double RetryDelaySeconds { get; set; } = 30;

    /// <summary>Longest wait between two tries.</summary>
    public double MaxRetryDelaySeconds { get; set; } = 3600;

    /// <summary>
    /// How long a claimed row belongs to the dispatcher that took it; after that (a crashed host) another
    /// dispatcher may take it. Must be longer than a send can take (<c>Smtp:TimeoutSeconds</c>).
    /// </summary>
    public double LeaseSeconds { get; set; } = 120;

    /// <summary>The wait before the try after <paramref name="failedAttempts"/> failures.</summary>
    public TimeSpan RetryDelay(int failedAttempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxRetryDelaySeconds, RetryDelaySeconds * Math.Pow(2, Math.Max(0, failedAttempts - 1))));
}
