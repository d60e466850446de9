namespace Sleek.Workflows.Engine.Persistence.Postgres;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresEngineDbContext</c> build the context without a server.</summary>
internal sealed class PostgresDesignTimeFactory() : DesignTimeFactory<PostgresEngineDbContext>(DatabaseProvider.Postgres, o => new(o));
