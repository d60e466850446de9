using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Marketplace.Persistence.Postgres;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresMarketplaceDbContext</c> build the context without a server.</summary>
internal sealed class PostgresDesignTimeFactory() : DesignTimeFactory<PostgresMarketplaceDbContext>(DatabaseProvider.Postgres, o => new(o), MarketplaceDbContext.MigrationsHistoryTable);
