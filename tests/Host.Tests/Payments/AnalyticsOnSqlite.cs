using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Payments;

public sealed class AnalyticsOnSqlite(SqliteDatabase database) : AnalyticsScenario(database), IClassFixture<SqliteDatabase>;
