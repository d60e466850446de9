using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Marketplace.Persistence.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteMarketplaceDbContext</c> build the context.</summary>
internal sealed class SqliteDesignTimeFactory() : DesignTimeFactory<SqliteMarketplaceDbContext>(DatabaseProvider.Sqlite, o => new(o), MarketplaceDbContext.MigrationsHistoryTable);
