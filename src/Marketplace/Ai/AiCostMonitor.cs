namespace Sleek.Workflows.Marketplace.Ai;

/// <summary>
/// Judges AI spending over a sliding hour: above <see cref="WarnPerHourUsd"/> is a warning, above
/// <see cref="AlertPerHourUsd"/> an alert (docs/domain.md: $1 and $5). A pure function of the usage rows and
/// the time, so the database query that feeds it can change without touching the rule.
/// </summary>
public sealed class AiCostMonitor
{
    /// <summary>The window the thresholds apply to.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Thresholds in USD per hour; the alert threshold must not be below the warning one.</summary>
    public AiCostMonitor(decimal warnPerHourUsd = 1m, decimal alertPerHourUsd = 5m)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warnPerHourUsd);
        ArgumentOutOfRangeException.ThrowIfLessThan(alertPerHourUsd, warnPerHourUsd);
        WarnPerHourUsd = warnPerHourUsd;
        AlertPerHourUsd = alertPerHourUsd;
    }

    /// <summary>Spending above this per hour is a warning.</summary>
    public decimal WarnPerHourUsd { get; }

    /// <summary>Spending above this per hour is an alert.</summary>
    public decimal AlertPerHourUsd { get; }

    /// <summary>
    /// Sums the entries in the hour before <paramref name="now"/> (after <c>now - 1 h</c>, up to and
    /// including <c>now</c>) and classifies the sum. Entries outside the window are ignored.
    /// </summary>
    public AiCostStatus Evaluate(IEnumerable<AiCostEntry> usage, DateTimeOffset now)
    {
        var from = now - Window;
        var inWindow = usage.Where(u => u.At > from && u.At <= now).ToList();
        var sum = inWindow.Sum(u => u.CostUsd);
        var level = sum > AlertPerHourUsd ? AiCostLevel.Alert
            : sum > WarnPerHourUsd ? AiCostLevel.Warning
            : AiCostLevel.Normal;
        return new AiCostStatus(sum, level, inWindow.Count);
    }
}
