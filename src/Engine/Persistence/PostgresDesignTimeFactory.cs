using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresEngineDbContext</c> build the context without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresEngineDbContext>
{
    public PostgresEngineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresEngineDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
