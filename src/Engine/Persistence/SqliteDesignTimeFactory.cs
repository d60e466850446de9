using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteEngineDbContext</c> build the context.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteEngineDbContext>
{
    public SqliteEngineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEngineDbContext>().UseSqlite("Data Source=design.db").Options);
}
