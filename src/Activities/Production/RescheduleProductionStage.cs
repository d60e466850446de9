using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Production;

namespace Sleek.Workflows.Activities.Production;

/// <summary>
/// Records a supplier's delay report on a running stage: the planned end moves to the new date, the order's timeline
/// gets the reason, and the late alert may go out again at the new end. Output <c>dueIn</c> is the time left until the
/// new planned end, for the stage's restarted deadline timer. The portal's guard refuses a bad date with a 400 before
/// the task is consumed; this check is the same rule again, for any other path (a fault, never a silent move).
/// </summary>
[Activity(
    "RescheduleProductionStage",
    InProcess = true,
    Category = "Marketplace",
    DisplayName = "Reschedule production stage",
    Description = "Moves a running stage's planned end to a later date with a reason (a supplier's delay report); output for the buyer's e-mail and the new deadline.",
    OutputType = "object")]
public sealed class RescheduleProductionStage : IActivity
{
    /// <summary>The order.</summary>
    [Input(Required = true, Description = "The order id, e.g. variables.orderId.")]
    public string OrderId { get; set; } = "";

    /// <summary>The stage's sequence (1–11).</summary>
    [Input(Required = true, Description = "The stage's sequence, e.g. outputs['next-stage'].sequence.")]
    public int Sequence { get; set; }

    /// <summary>yyyy-MM-dd, after the current planned end and after today.</summary>
    [Input(Required = true, Description = "The new planned date, yyyy-MM-dd, e.g. outputs['stage-task'].newDate.")]
    public string NewDate { get; set; } = "";

    /// <summary>Why (shown to the buyer).</summary>
    [Input(Required = true, Description = "The supplier's reason, e.g. outputs['stage-task'].reason.")]
    public string Reason { get; set; } = "";

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        var (stage, error) = await StageLookup.FindAsync(db, OrderId, Sequence, context.CancellationToken);
        if (stage is null)
        {
            return ActivityResult.Fault(error);
        }

        var reason = Reason.Trim();
        if (reason.Length is 0 or > StageDelay.MaxReasonLength)
        {
            return ActivityResult.Fault($"reason must be 1 to {StageDelay.MaxReasonLength} characters");
        }

        var now = context.Clock.GetUtcNow().UtcDateTime;
        var (plannedEnd, refused) = StageDelay.NewPlannedEnd(stage, NewDate, now);
        if (plannedEnd is not { } newEnd)
        {
            return ActivityResult.Fault($"newDate {refused}");
        }

        var previous = stage.PlannedEnd;
        stage.PlannedEnd = newEnd;
        stage.DelayAlertedAt = null; // a new planned end: late again only past it
        db.OrderTimeline.Add(new OrderTimelineEntry
        {
            OrderId = stage.OrderId,
            At = now,
            Actor = "supplier",
            Action = "stage_delayed",
            Reason = $"stage {stage.Sequence} '{stage.Name}' delayed from {previous:yyyy-MM-dd} to {newEnd:yyyy-MM-dd}: {reason}",
        });
        await db.SaveChangesAsync(context.CancellationToken);

        var output = StageOutput.Of(stage, now);
        output["dueIn"] = XmlConvert.ToString(newEnd - now);
        output["previousPlannedEnd"] = previous?.ToString("yyyy-MM-ddTHH:mm:ssZ");
        output["reason"] = reason;
        return ActivityResult.Done(output);
    }
}
