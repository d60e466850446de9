using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Activities.Production;

/// <summary>
/// Records that a stage passed its planned end without being completed (delay alerted at, a timeline
/// entry), once per stage; the output carries what the delay alert email needs (order number, supplier).
/// </summary>
[Activity(
    "RecordStageDelay",
    InProcess = true,
    Category = "Marketplace",
    DisplayName = "Record stage delay",
    Description = "Marks a running stage as late (once) in the stage and the order's timeline; output for the delay alert.",
    OutputType = "object")]
public sealed class RecordStageDelay : IActivity
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

        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == stage.OrderId, context.CancellationToken);
        var supplier = order.SupplierId is { } supplierId
            ? await db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == supplierId, context.CancellationToken)
            : null;
        var now = context.Clock.GetUtcNow().UtcDateTime;
        var alreadyAlerted = stage.DelayAlertedAt is not null;
        if (!alreadyAlerted && stage.ActualEnd is null)
        {
            stage.DelayAlertedAt = now;
            db.OrderTimeline.Add(new OrderTimelineEntry
            {
                OrderId = stage.OrderId,
                At = now,
                Actor = "workflow",
                Action = "stage_late",
                Reason = $"stage {stage.Sequence} '{stage.Name}' passed its planned end {stage.PlannedEnd:yyyy-MM-dd HH:mm} UTC without being completed; ops alerted",
            });
            await db.SaveChangesAsync(context.CancellationToken);
        }

        var output = StageOutput.Of(stage, now);
        output["orderNumber"] = order.Number;
        output["supplierName"] = supplier?.Name ?? "not assigned";
        output["supplierEmail"] = supplier?.Email;
        output["alreadyAlerted"] = alreadyAlerted;
        return ActivityResult.Done(output);
    }
}
