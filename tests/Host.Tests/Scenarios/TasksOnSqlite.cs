using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class TasksOnSqlite(SqliteDatabase database) : TasksScenario(database), IClassFixture<SqliteDatabase>;
