using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class ExactlyOnceOnSqlite(SqliteDatabase database) : ExactlyOnceScenario(database), IClassFixture<SqliteDatabase>;
