using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class IdempotencyOnSqlite(SqliteDatabase database) : IdempotencyScenario(database), IClassFixture<SqliteDatabase>;
