using Microsoft.EntityFrameworkCore.Design;

namespace Sleek.Workflows.Activities.Persistence;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresMarketplaceDbContext</c> build the context without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMarketplaceDbContext>
{
    public PostgresMarketplaceDbContext CreateDbContext(string[] args) => new(MarketplaceDbOptions.Postgres("Host=localhost;Database=design"));
}
