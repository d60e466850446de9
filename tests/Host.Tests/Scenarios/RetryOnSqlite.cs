using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class RetryOnSqlite(SqliteDatabase database) : RetryScenario(database), IClassFixture<SqliteDatabase>;
