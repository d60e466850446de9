using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Host.Persistence.Postgres;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresSecurityDbContext</c> build the context (no server needed).</summary>
internal sealed class PostgresSecurityDesignTimeFactory() : DesignTimeFactory<PostgresSecurityDbContext>(DatabaseProvider.Postgres, o => new(o), SecurityDbContext.MigrationsHistoryTable);
