using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Activities.Orders;
using Sleek.Workflows.Activities.Persistence;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Activities;

/// <summary>Registers the marketplace's services in a host that already has the engine (<c>AddSleekEngine</c>).</summary>
public static class MarketplaceServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="MarketplaceDb"/> (on the engine's database). The host runs
    /// <see cref="MarketplaceDb.MigrateAsync"/> and <see cref="MarketplaceDb.SeedAsync"/> at start-up, after the engine's migration.
    /// </summary>
    public static IServiceCollection AddMarketplace(this IServiceCollection services)
    {
        services.AddSingleton<MarketplaceDb>();
        // Tasks of an order's workflow wait while the order is on hold (POST /api/tasks/{id}/complete answers 409).
        services.AddSingleton<ITaskCompletionGuard, OrderOnHoldTaskGuard>();
        return services;
    }
}
