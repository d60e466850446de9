using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Activities.Tests.Persistence;

/// <summary>Test-only activity: asks MarketplaceDb for a context enlisted in the burst and reports what happened.</summary>
[Activity("TestProbeMarketplaceDb", Category = "Tests")]
public sealed class ProbeMarketplaceDb : IActivity
{
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        try
        {
            using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
            return ValueTask.FromResult(ActivityResult.Done("enlisted"));
        }
        catch (InvalidOperationException ex)
        {
            return ValueTask.FromResult(ActivityResult.Done(ex.Message));
        }
    }
}
