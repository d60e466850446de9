using System.Globalization;

namespace Sleek.Workflows.Marketplace.Production;

/// <summary>
/// A supplier's delay report on a running stage: the new date must be a date after the stage's current planned end and
/// not in the past. The stage's planned end moves to that date, keeping its time of day. One rule, asked by the portal's
/// guard (so a bad date is a 400 before the task is consumed) and again by the activity that records it.
/// </summary>
public static class StageDelay
{
    /// <summary>The longest reason kept (as the workflow's form says).</summary>
    public const int MaxReasonLength = 500;

    /// <summary>The new planned end, or the reason <paramref name="newDate"/> is refused.</summary>
    public static (DateTime? PlannedEnd, string? Error) NewPlannedEnd(ProductionStage stage, string? newDate, DateTime now)
    {
        if (!DateOnly.TryParseExact(newDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (null, "must be a date written yyyy-MM-dd");
        }

        if (stage.ActualStart is null || stage.ActualEnd is not null)
        {
            return (null, $"stage {stage.Sequence} '{stage.Name}' is not running");
        }

        var current = stage.PlannedEnd ?? now;
        var plannedEnd = date.ToDateTime(TimeOnly.FromTimeSpan(current.TimeOfDay), DateTimeKind.Utc);
        if (date <= DateOnly.FromDateTime(now))
        {
            return (null, $"must be after today ({now:yyyy-MM-dd})");
        }

        return plannedEnd <= current
            ? (null, $"must be after the stage's planned end {current:yyyy-MM-dd}")
            : (plannedEnd, null);
    }

    /// <summary>The running stage of an order: started, not ended (the lowest sequence, should there be several).</summary>
    public static ProductionStage? Running(IEnumerable<ProductionStage> stages) =>
        stages.Where(s => s.ActualStart is not null && s.ActualEnd is null).OrderBy(s => s.Sequence).FirstOrDefault();
}
