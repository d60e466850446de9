using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class RestartOnSqlite(SqliteDatabase database) : RestartScenario(database), IClassFixture<SqliteDatabase>;
