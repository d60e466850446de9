using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class PersistenceOnSqlite(SqliteDatabase database) : PersistenceScenario(database), IClassFixture<SqliteDatabase>;
