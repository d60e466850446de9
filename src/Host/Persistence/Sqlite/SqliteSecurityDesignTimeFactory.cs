using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Host.Persistence.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteSecurityDbContext</c> build the context.</summary>
internal sealed class SqliteSecurityDesignTimeFactory() : DesignTimeFactory<SqliteSecurityDbContext>(DatabaseProvider.Sqlite, o => new(o), SecurityDbContext.MigrationsHistoryTable);
