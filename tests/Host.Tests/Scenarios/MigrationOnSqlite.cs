using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class MigrationOnSqlite(SqliteDatabase database) : MigrationScenario(database), IClassFixture<SqliteDatabase>;
