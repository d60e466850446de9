using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Activities.Orders;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Production;

namespace Sleek.Workflows.Activities.Production;

/// <summary>
/// Starts an order's next production stage: on the first call it creates docs/domain.md's eleven stages with
/// their planned days; then it starts the first one not started yet (actual start now, planned end now +
/// planned days) and continues through Started, or through AllDone when every stage has ended. A stage
/// started and not ended yet is returned again rather than starting another (a re-run).
/// </summary>
[Activity(
    "StartProductionStage",
    InProcess = true,
    Category = "Marketplace",
    DisplayName = "Start production stage",
    Ports = ["Started", "AllDone"],
    Description = "Creates the order's 11 stages on first use and starts the next one (Started: sequence, name, dueIn), or AllDone.",
    OutputType = "object")]
public sealed class StartProductionStage : IActivity
{
    /// <summary>The order.</summary>
    [Input(Required = true, Description = "The order id, e.g. variables.orderId.")]
    public string OrderId { get; set; } = "";

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!MarketplaceIds.TryParse(OrderId, "orderId", out var orderId, out var idError))
        {
            return ActivityResult.Fault(idError);
        }

        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        if (!await db.Orders.AnyAsync(o => o.Id == orderId, context.CancellationToken))
        {
            return ActivityResult.Fault($"order {orderId} does not exist");
        }

        var stages = await db.ProductionStages.Where(s => s.OrderId == orderId).OrderBy(s => s.Sequence).ToListAsync(context.CancellationToken);
        if (stages.Count == 0)
        {
            stages = StandardStages.For(orderId);
            db.ProductionStages.AddRange(stages);
        }

        var now = context.Clock.GetUtcNow().UtcDateTime;
        var stage = stages.FirstOrDefault(s => s.ActualStart is not null && s.ActualEnd is null)
            ?? stages.FirstOrDefault(s => s.ActualStart is null);
        if (stage is null)
        {
            await db.SaveChangesAsync(context.CancellationToken);
            return ActivityResult.Outcome("AllDone", new JsonObject { ["orderId"] = orderId.ToString(), ["stageCount"] = stages.Count });
        }

        if (stage.ActualStart is null)
        {
            stage.ActualStart = now;
            stage.PlannedStart ??= now;
            stage.PlannedEnd = now.AddDays(stage.PlannedDays);
            db.OrderTimeline.Add(new OrderTimelineEntry
            {
                OrderId = orderId,
                At = now,
                Actor = "workflow",
                Action = "stage_started",
                Reason = $"stage {stage.Sequence} of {stages.Count} '{stage.Name}' started; planned {stage.PlannedDays} days, until {stage.PlannedEnd:yyyy-MM-dd}",
            });
        }

        await db.SaveChangesAsync(context.CancellationToken);
        return ActivityResult.Outcome("Started", StageOutput.Of(stage, now));
    }
}
