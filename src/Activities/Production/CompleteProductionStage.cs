using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Activities.Production;

/// <summary>
/// Ends a production stage now (actual end) and says whether it was late and by how many days. A stage
/// already ended keeps its end (a re-run).
/// </summary>
[Activity(
    "CompleteProductionStage",
    InProcess = true,
    Category = "Marketplace",
    DisplayName = "Complete production stage",
    Description = "Records a stage's actual end; output sequence, name, late and daysLate.",
    OutputType = "object")]
public sealed class CompleteProductionStage : IActivity
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
        if (stage.ActualEnd is null)
        {
            stage.ActualStart ??= now;
            stage.ActualEnd = now;
            var daysLate = StageOutput.DaysLate(stage, now);
            db.OrderTimeline.Add(new OrderTimelineEntry
            {
                OrderId = stage.OrderId,
                At = now,
                Actor = "workflow",
                Action = "stage_completed",
                Reason = $"stage {stage.Sequence} '{stage.Name}' completed" + (daysLate > 0 ? $", {daysLate} day(s) late" : " on time"),
            });
            // The stage's end counts once for the supplier's on-time rate, in this burst's transaction.
            await SupplierPerformance.StageEndedAsync(db, stage, context.CancellationToken);
            await db.SaveChangesAsync(context.CancellationToken);
        }

        return ActivityResult.Done(StageOutput.Of(stage, now));
    }
}
