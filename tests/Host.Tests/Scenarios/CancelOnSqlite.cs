using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class CancelOnSqlite(SqliteDatabase database) : CancelScenario(database), IClassFixture<SqliteDatabase>;
