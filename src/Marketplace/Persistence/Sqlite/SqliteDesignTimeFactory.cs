using Microsoft.EntityFrameworkCore.Design;

namespace Sleek.Workflows.Marketplace.Persistence.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteMarketplaceDbContext</c> build the context.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMarketplaceDbContext>
{
    public SqliteMarketplaceDbContext CreateDbContext(string[] args) => SqliteMarketplaceDbContext.Create("Data Source=design.db");
}
