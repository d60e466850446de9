namespace Sleek.Workflows.Engine.Runtime;

/// <summary>How long finished instances are kept (configuration section <c>Sleek:Retention</c>).</summary>
public sealed class RetentionOptions
{
    /// <summary>Completed and cancelled instances older than this many days (since they finished) are purged; 0 keeps them forever.</summary>
    public int Days { get; set; } = 30;

    /// <summary>Instances removed per transaction, so a large backlog never holds long locks.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How often the purge runs (also once at start-up).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
