using System.Text.Json.Nodes;
using Sleek.Workflows.Marketplace.Production;

namespace Sleek.Workflows.Activities.Production;

/// <summary>The output of stage activities and the timeline's wording of stage events.</summary>
internal static class StageOutput
{
    public static JsonObject Of(ProductionStage stage, DateTime now)
    {
        var daysLate = DaysLate(stage, now);
        return new JsonObject
        {
            ["orderId"] = stage.OrderId.ToString(),
            ["sequence"] = stage.Sequence,
            ["name"] = stage.Name,
            ["plannedDays"] = stage.PlannedDays,
            ["dueIn"] = $"P{stage.PlannedDays}D",
            ["stageCount"] = StandardStages.All.Count,
            ["plannedStart"] = Date(stage.PlannedStart),
            ["plannedEnd"] = Date(stage.PlannedEnd),
            ["actualStart"] = Date(stage.ActualStart),
            ["actualEnd"] = Date(stage.ActualEnd),
            ["late"] = daysLate > 0,
            ["daysLate"] = daysLate,
        };
    }

    /// <summary>Whole days (rounded up) the stage ended, or is running, past its planned end; 0 when on time.</summary>
    public static int DaysLate(ProductionStage stage, DateTime now)
    {
        if (stage.PlannedEnd is not { } plannedEnd)
        {
            return 0;
        }

        var end = stage.ActualEnd ?? now;
        return end > plannedEnd ? (int)Math.Ceiling((end - plannedEnd).TotalDays) : 0;
    }

    private static string? Date(DateTime? value) => value?.ToString("yyyy-MM-ddTHH:mm:ssZ");
}
