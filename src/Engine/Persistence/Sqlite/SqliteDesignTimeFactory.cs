namespace Sleek.Workflows.Engine.Persistence.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteEngineDbContext</c> build the context.</summary>
internal sealed class SqliteDesignTimeFactory() : DesignTimeFactory<SqliteEngineDbContext>(DatabaseProvider.Sqlite, o => new(o));
