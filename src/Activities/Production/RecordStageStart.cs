using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Activities.Production;

/// <summary>
/// Records that the factory started an opened stage (its actual start, now), after the factory's "Start" on the stage
/// (quote-to-delivery v3). A stage already started keeps its start (a re-run, or a stage that was delayed and runs on).
/// </summary>
[Activity(
    "RecordStageStart",
    InProcess = true,
    Category = "Marketplace",
    DisplayName = "Record stage start",
    Description = "Records a stage's actual start when the factory starts it; output as StartProductionStage's.",
    OutputType = "object")]
public sealed class RecordStageStart : IActivity
{
    /// <summary>The order.</summary>
    [Input(Required = true, Description = "The order id, e.g. variables.orderId.")]
    public string OrderId { get; set; } = "";

    /// <summary>The stage's sequence (1–11).</summary>
    [Input(Required = true, Description = "The stage's sequence, e.g. outputs['next-stage'].sequence.")]
    public int Sequence { get; set; }

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        var (stage, error) = await StageLookup.FindAsync(db, OrderId, Sequence, context.CancellationToken);
        if (stage is null)
        {
            return ActivityResult.Fault(error);
        }

        var now = context.Clock.GetUtcNow().UtcDateTime;
        if (stage.ActualStart is null && stage.ActualEnd is null)
        {
            stage.ActualStart = now;
            var daysLate = StageOutput.DaysLate(stage, now);
            db.OrderTimeline.Add(new OrderTimelineEntry
            {
                OrderId = stage.OrderId,
                At = now,
                Actor = "workflow",
                Action = "stage_started",
                Reason = $"stage {stage.Sequence} '{stage.Name}' started by the factory" + (daysLate > 0 ? $", already {daysLate} day(s) past its planned end" : $"; planned end {stage.PlannedEnd:yyyy-MM-dd}"),
            });
            await db.SaveChangesAsync(context.CancellationToken);
        }

        return ActivityResult.Done(StageOutput.Of(stage, now));
    }
}
