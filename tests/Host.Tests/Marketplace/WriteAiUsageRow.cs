using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Marketplace.Ai;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Engine.Activities;

namespace Sleek.Workflows.Host.Tests.Marketplace;

/// <summary>Test-only activity: writes one ai_usage row through a context enlisted in the burst's transaction.</summary>
[Activity("TestWriteAiUsageRow", Category = "Tests")]
public sealed class WriteAiUsageRow : IActivity
{
    [Input(Required = true)]
    public string Model { get; set; } = "";

    /// <summary>Fault after writing, as an activity that fails half-way would.</summary>
    [Input]
    public bool FailAfterWrite { get; set; }

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        db.AiUsage.Add(new AiUsage { At = context.Clock.GetUtcNow().UtcDateTime, Model = Model, Succeeded = true, CostUsd = 0.000321m });
        await db.SaveChangesAsync(context.CancellationToken);
        return FailAfterWrite ? ActivityResult.Fault("failed after writing its row") : ActivityResult.Done();
    }
}
