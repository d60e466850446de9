using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class RetentionOnSqlite(SqliteDatabase database) : RetentionScenario(database), IClassFixture<SqliteDatabase>;
