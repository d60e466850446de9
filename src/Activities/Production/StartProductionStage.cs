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
/// Opens an order's next production stage: on the first call it creates docs/domain.md's eleven stages with
/// their planned days; then it opens the first one not opened yet (planned start now, planned end now + planned days)
/// and continues through Started, or through AllDone when every stage has ended. With <see cref="StartNow"/> (the
/// default, as quote-to-delivery v1 and v2 use it) the stage's actual start is now too; without it the actual start
/// waits for the factory's own "Start" (<see cref="RecordStageStart"/>, v3). A stage opened and not ended yet is
/// returned again rather than opening another (a re-run).
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

    /// <summary>Whether the stage's actual start is now, or is recorded later by <see cref="RecordStageStart"/>.</summary>
    [Input(Description = "True (default): the stage starts now. False: it is only opened (planned dates); the factory's Start records the actual start (RecordStageStart).")]
    public bool StartNow { get; set; } = true;

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
        var stage = stages.FirstOrDefault(s => s.ActualEnd is null && (s.ActualStart is not null || s.PlannedEnd is not null))
            ?? stages.FirstOrDefault(s => s.ActualStart is null && s.ActualEnd is null);
        if (stage is null)
        {
            await db.SaveChangesAsync(context.CancellationToken);
            return ActivityResult.Outcome("AllDone", new JsonObject { ["orderId"] = orderId.ToString(), ["stageCount"] = stages.Count });
        }

        if (stage.PlannedEnd is null && stage.ActualStart is null)
        {
            stage.PlannedStart ??= now;
            stage.PlannedEnd = now.AddDays(stage.PlannedDays);
            stage.PromisedEnd ??= stage.PlannedEnd;
            if (StartNow)
            {
                stage.ActualStart = now;
            }

            db.OrderTimeline.Add(new OrderTimelineEntry
            {
                OrderId = orderId,
                At = now,
                Actor = "workflow",
                Action = StartNow ? "stage_started" : "stage_opened",
                Reason = $"stage {stage.Sequence} of {stages.Count} '{stage.Name}' {(StartNow ? "started" : "ready to start")}; planned {stage.PlannedDays} days, until {stage.PlannedEnd:yyyy-MM-dd}",
            });
        }

        await db.SaveChangesAsync(context.CancellationToken);
        return ActivityResult.Outcome("Started", StageOutput.Of(stage, now));
    }
}
