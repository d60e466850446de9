using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Production;

namespace Sleek.Workflows.Host.Portal;

/// <summary>
/// Refuses a delay report on a stage task (outcome <see cref="DelayOutcome"/>) whose new date is not after the stage's
/// planned end or not after today: a 400 naming <c>newDate</c>, on every resume path, before the task is consumed (the
/// form's rules cannot know the clock or the stage). The same rule runs again in <c>RescheduleProductionStage</c>.
/// </summary>
internal sealed class StageDelayGuard(MarketplaceDb marketplace, TimeProvider clock) : IResumeGuard
{
    /// <summary>The HumanTask of a production stage in quote-to-delivery v2 (the workflow's contract with the portal).</summary>
    public const string StageTask = "stage-task";

    /// <summary>The stage task's outcome that reports a delay.</summary>
    public const string DelayOutcome = "Report delay";

    public async ValueTask<ResumeRefusal?> CheckAsync(ResumeAttempt attempt, CancellationToken cancellationToken)
    {
        if (attempt.Task?.ActivityId != StageTask || !attempt.IsOpen
            || attempt.Payload is not JsonObject payload || payload["outcome"]?.GetValueKind() != System.Text.Json.JsonValueKind.String
            || payload["outcome"]!.GetValue<string>() != DelayOutcome)
        {
            return null;
        }

        // A missing date is the form's own 400 (requiredFor); a badly written one is refused here, naming the field too.
        var newDate = payload["newDate"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
        if (newDate is null)
        {
            return null;
        }

        await using var db = attempt.Transaction is { } within ? marketplace.CreateContext(within) : marketplace.CreateContext();
        var orderId = await db.Orders.AsNoTracking().Where(o => o.WorkflowInstanceId == attempt.InstanceId).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken);
        if (orderId is null)
        {
            return null;
        }

        var stages = await db.ProductionStages.AsNoTracking().Where(s => s.OrderId == orderId).ToListAsync(cancellationToken);
        if (StageDelay.Running(stages) is not { } stage)
        {
            return ResumeRefusal.Invalid("newDate", "no stage of this order is running");
        }

        var (_, error) = StageDelay.NewPlannedEnd(stage, newDate, clock.GetUtcNow().UtcDateTime);
        return error is null ? null : ResumeRefusal.Invalid("newDate", error);
    }
}
