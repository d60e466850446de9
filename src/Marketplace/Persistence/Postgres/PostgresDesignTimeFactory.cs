using Microsoft.EntityFrameworkCore.Design;

namespace Sleek.Workflows.Marketplace.Persistence.Postgres;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresMarketplaceDbContext</c> build the context without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMarketplaceDbContext>
{
    public PostgresMarketplaceDbContext CreateDbContext(string[] args) => PostgresMarketplaceDbContext.Create("Host=localhost;Database=design");
}
