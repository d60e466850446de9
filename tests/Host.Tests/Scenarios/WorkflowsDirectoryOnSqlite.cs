using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class WorkflowsDirectoryOnSqlite(SqliteDatabase database) : WorkflowsDirectoryScenario(database), IClassFixture<SqliteDatabase>;
