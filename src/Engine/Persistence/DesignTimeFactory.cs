using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add … --context &lt;provider subclass&gt;</c> build a context without a running
/// server. One line per provider subclass:
/// <c>internal sealed class PostgresDesignTimeFactory() : DesignTimeFactory&lt;PostgresEngineDbContext&gt;(DatabaseProvider.Postgres, o =&gt; new(o));</c>
/// </summary>
/// <typeparam name="TContext">The provider subclass.</typeparam>
/// <param name="provider">Its database.</param>
/// <param name="create">Constructs it.</param>
/// <param name="migrationsHistoryTable">The family's history table (null: EF's default).</param>
public abstract class DesignTimeFactory<TContext>(DatabaseProvider provider, Func<DbContextOptions<TContext>, TContext> create, string? migrationsHistoryTable = null)
    : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    /// <inheritdoc />
    public TContext CreateDbContext(string[] args) =>
        create(ProviderContextOptions.For<TContext>(
            provider,
            provider == DatabaseProvider.Postgres ? "Host=localhost;Database=design" : "Data Source=design.db",
            migrationsHistoryTable));
}
