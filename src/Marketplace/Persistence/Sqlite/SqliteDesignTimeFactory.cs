using Microsoft.EntityFrameworkCore.Design;

namespace Sleek.Workflows.Activities.Persistence;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteMarketplaceDbContext</c> build the context.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMarketplaceDbContext>
{
    public SqliteMarketplaceDbContext CreateDbContext(string[] args) => new(MarketplaceDbOptions.Sqlite("Data Source=design.db"));
}
