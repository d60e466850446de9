namespace Sleek.Workflows.Marketplace.Assistant;

/// <summary>The quote assistant's limits (configuration section <c>Ai:Assistant</c>; environment <c>Ai__Assistant__…</c>).</summary>
public sealed class AssistantOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Ai:Assistant";

    /// <summary>Tokens (prompt + completion) one signed-in buyer may spend per UTC day; then 429 until midnight UTC.</summary>
    public long DailyTokensPerUser { get; set; } = 200_000;

    /// <summary>Tokens all anonymous visitors from one IP address may spend per UTC day.</summary>
    public long DailyTokensPerIp { get; set; } = 50_000;

    /// <summary>The longest message a buyer may send (characters).</summary>
    public int MaxMessageLength { get; set; } = 4000;

    /// <summary>Messages of history sent to the model with each turn (the newest ones).</summary>
    public int HistoryMessages { get; set; } = 40;

    /// <summary>Attempts of one model call when it times out, answers 429 or 5xx, or cannot be reached.</summary>
    public int Attempts { get; set; } = 3;

    /// <summary>The first wait before a retry (seconds); each further retry waits twice as long.</summary>
    public double RetryDelaySeconds { get; set; } = 1;

    /// <summary>Tool rounds the model may take in one turn before it must answer.</summary>
    public int MaxToolRounds { get; set; } = 6;
}
