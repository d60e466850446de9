using Microsoft.EntityFrameworkCore.Design;

namespace Sleek.Workflows.Host.Identity;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresSecurityDbContext</c> build the context (no server needed).</summary>
internal sealed class PostgresSecurityDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSecurityDbContext>
{
    public PostgresSecurityDbContext CreateDbContext(string[] args) => new(SecurityDbOptions.Postgres("Host=localhost;Database=design"));
}
