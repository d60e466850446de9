using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>Registers rules and supplier assignment in a host that has <c>AddMarketplace</c>.</summary>
public static class RulesServiceCollectionExtensions
{
    /// <summary>
    /// Adds the catalog, the database-backed <see cref="RuleSetStore"/> as the rules source, the runner
    /// (compiled versions cached for the process), scoring with the category catalog's relations, the
    /// ranking and the preview. Register an <see cref="ICategoryRelations"/> first to change relations.
    /// </summary>
    public static IServiceCollection AddSleekRules(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // The parameterless constructor: DI would pick the IEnumerable<RuleSetShape> one with no shapes.
        services.TryAddSingleton(_ => new RuleSetCatalog());
        services.TryAddSingleton<RuleSetStore>();
        services.TryAddSingleton<IRuleSetSource>(sp => sp.GetRequiredService<RuleSetStore>());
        services.TryAddSingleton<RulesRunner>();
        services.TryAddSingleton<ICategoryRelations>(CategoryRelations.Default);
        services.TryAddSingleton(sp => new SupplierScoring(sp.GetRequiredService<ICategoryRelations>()));
        services.TryAddSingleton<SupplierRanking>();
        services.TryAddSingleton<RulesPreview>();
        return services;
    }
}
