using Microsoft.EntityFrameworkCore.Design;

namespace Sleek.Workflows.Host.Identity;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteSecurityDbContext</c> build the context.</summary>
internal sealed class SqliteSecurityDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSecurityDbContext>
{
    public SqliteSecurityDbContext CreateDbContext(string[] args) => new(SecurityDbOptions.Sqlite("Data Source=design.db"));
}
